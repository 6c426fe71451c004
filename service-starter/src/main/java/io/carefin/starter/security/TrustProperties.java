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
 */
@ConfigurationProperties("carefin.security")
public record TrustProperties(List<Issuer> issuers, @DefaultValue("carefin-api") String audience,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue List<String> publicPaths) {

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

}
