package io.carefin.starter.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The token issuers a service trusts and what it requires of their tokens.
 *
 * @param issuers the trusted issuers; a token from any other is refused
 * @param audience the audience every accepted token must name
 * @param clockSkew how far a token's expiry and not-before may be off the service's clock
 * @param publicPaths request paths open without a token, such as a sign-in endpoint
 * @param tokenCache how many tokens that passed every check are remembered, and for how
 * long
 */
@ConfigurationProperties("carefin.security")
public record TrustProperties(List<Issuer> issuers, @DefaultValue("carefin-api") String audience,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue List<String> publicPaths,
		@DefaultValue TokenCache tokenCache) {

	public TrustProperties {
		if (issuers == null || issuers.isEmpty()) {
			throw new IllegalArgumentException("carefin.security.issuers must name at least one trusted issuer");
		}
		issuers = List.copyOf(issuers);
		publicPaths = List.copyOf(publicPaths);
	}

	/**
	 * One trusted issuer.
	 *
	 * @param kind whose tokens it issues, which decides the roles it may grant
	 * @param issuerUri the exact {@code iss} claim of its tokens
	 * @param jwkSetUri where its public signing keys are published
	 */
	public record Issuer(IssuerKind kind, String issuerUri, URI jwkSetUri) {
	}

	/**
	 * The memory of verified tokens, so that a client's repeated token is not parsed and
	 * its signature checked on every request (its expiry always is).
	 *
	 * @param maximumSize how many distinct tokens are remembered at most; 0 checks every
	 * token in full on every request
	 * @param timeToLive how long a token is remembered after its full check, whatever its
	 * expiry; it bounds how long a token signed by a key its issuer has since withdrawn
	 * keeps passing
	 */
	public record TokenCache(@DefaultValue("10000") long maximumSize, @DefaultValue("5m") Duration timeToLive) {
	}

}
