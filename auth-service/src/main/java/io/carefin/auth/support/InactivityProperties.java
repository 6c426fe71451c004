package io.carefin.auth.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When idle practice users are suspended.
 *
 * @param suspendAfter how long without a sign-in suspends a user
 */
@ConfigurationProperties("carefin.auth.inactivity")
record InactivityProperties(@DefaultValue("90d") Duration suspendAfter) {

}
