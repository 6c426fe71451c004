package io.carefin.starter.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/**
 * The reactive twin of {@link TrustedIssuers}, for the WebFlux gateway: the same issuers,
 * the same checks and the same role mapping.
 */
public final class ReactiveTrustedIssuers {

	private ReactiveTrustedIssuers() {
	}

	/**
	 * Builds the resolver that a reactive resource server uses to authenticate bearer
	 * tokens.
	 */
	public static JwtIssuerReactiveAuthenticationManagerResolver resolver(TrustProperties trust) {
		Map<String, ReactiveAuthenticationManager> managers = TrustedIssuers.byIssuer(trust, (issuer) -> {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(TrustedIssuers.validator(issuer.issuerUri(), trust));
			JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
			manager.setJwtAuthenticationConverter(
					new ReactiveJwtAuthenticationConverterAdapter(TrustedIssuers.authenticationConverter(issuer)));
			return manager;
		});
		return new JwtIssuerReactiveAuthenticationManagerResolver((issuer) -> Mono.justOrEmpty(managers.get(issuer)));
	}

}
