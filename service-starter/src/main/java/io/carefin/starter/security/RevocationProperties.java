package io.carefin.starter.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service learns that practice users' access tokens were revoked before they
 * expire.
 *
 * @param enabled whether the service reads {@code auth.revocations}; off, a revoked token
 * works until it expires
 * @param keep how long a not-before is remembered, and how far back the topic is read at
 * start-up: at least an access token's lifetime (10 minutes) plus the clock skew
 * @param retryEvery how long the reader waits before trying again when the broker cannot
 * be reached
 */
@ConfigurationProperties("carefin.security.revocations")
public record RevocationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration keep,
		@DefaultValue("2s") Duration retryEvery) {

}
