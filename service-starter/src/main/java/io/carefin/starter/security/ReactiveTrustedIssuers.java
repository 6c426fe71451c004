package io.carefin.starter.security;

import java.time.Clock;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reactive twin of {@link TrustedIssuers}, for the WebFlux gateway: the same issuers,
 * the same checks, revocations included, and the same role mapping.
 */
public final class ReactiveTrustedIssuers {

	private ReactiveTrustedIssuers() {
	}

	/**
	 * Builds the resolver that a reactive resource server uses to authenticate bearer
	 * tokens; a token that passed is remembered for a while (see {@link VerifiedTokens}).
	 */
	public static ReactiveAuthenticationManagerResolver<ServerWebExchange> resolver(TrustProperties trust,
			AccessRevocations revocations, Clock clock) {
		return remembering(verifiers(trust, revocations, clock), new VerifiedTokens(trust, revocations, clock));
	}

	/**
	 * Reads the bearer token from the {@code Authorization} header as Spring Security's
	 * default converter does, without its regular expression (see {@link BearerTokens}).
	 */
	public static ServerAuthenticationConverter bearerTokens() {
		return (exchange) -> Mono
			.fromSupplier(() -> BearerTokens
				.fromAuthorization(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))
			.map(BearerTokenAuthenticationToken::new);
	}

	static ReactiveAuthenticationManagerResolver<ServerWebExchange> remembering(
			ReactiveAuthenticationManagerResolver<ServerWebExchange> verifiers, VerifiedTokens verified) {
		return (exchange) -> verifiers.resolve(exchange).map((verifier) -> (authentication) -> {
			Authentication known = verified.recall(authentication);
			return (known != null) ? Mono.just(known) : verifier.authenticate(authentication)
				.doOnNext((result) -> verified.remember(authentication, result));
		});
	}

	private static ReactiveAuthenticationManagerResolver<ServerWebExchange> verifiers(TrustProperties trust,
			AccessRevocations revocations, Clock clock) {
		Map<String, ReactiveAuthenticationManager> managers = TrustedIssuers.byIssuer(trust, (issuer) -> {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(TrustedIssuers.validator(issuer.issuerUri(), trust, revocations, clock));
			JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
			manager.setJwtAuthenticationConverter(
					new ReactiveJwtAuthenticationConverterAdapter(TrustedIssuers.authenticationConverter(issuer)));
			return manager;
		});
		return new JwtIssuerReactiveAuthenticationManagerResolver((issuer) -> Mono.justOrEmpty(managers.get(issuer)));
	}

}
