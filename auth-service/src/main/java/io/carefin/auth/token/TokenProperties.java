package io.carefin.auth.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How auth-service issues tokens.
 *
 * @param issuer the {@code iss} of every token: auth-service's public URL
 * @param audience the {@code aud} of every access token
 * @param accessTokenTtl how long an access token lives
 * @param idleTimeout how long a session lives without a refresh
 * @param sessionLifetime how long a session lives at most, refreshes or not
 * @param keyRotation how old the signing key may get before a new one replaces it
 * @param keyEncryptionKey the AES-256 key, Base64, that encrypts signing keys at rest
 */
@ConfigurationProperties("carefin.auth.tokens")
public record TokenProperties(String issuer, @DefaultValue("carefin-api") String audience,
		@DefaultValue("10m") Duration accessTokenTtl, @DefaultValue("15m") Duration idleTimeout,
		@DefaultValue("12h") Duration sessionLifetime, @DefaultValue("30d") Duration keyRotation,
		String keyEncryptionKey) {

}
