package io.carefin.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many verified tokens the gateway remembers, and for how long at most, so that a
 * client's repeated token is not parsed and its signature checked on every request.
 *
 * @param maximumSize how many distinct tokens are remembered at most; 0 checks every
 * token in full on every request
 * @param timeToLive how long a token is remembered after its full check, whatever its
 * expiry; it bounds how long a token signed by a key its issuer has since withdrawn keeps
 * passing
 */
@ConfigurationProperties("carefin.gateway.token-cache")
record TokenCacheProperties(@DefaultValue("10000") long maximumSize, @DefaultValue("5m") Duration timeToLive) {

}
