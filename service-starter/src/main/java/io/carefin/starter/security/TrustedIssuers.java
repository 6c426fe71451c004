package io.carefin.starter.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Picks the verifier for a bearer token by its issuer, refusing every issuer not
 * configured. Each verifier accepts only RS256 signatures by a key from that issuer's
 * JWKS, the configured audience, a live token within the allowed clock skew, and no
 * header that points at other keys; a practice user's token issued before its user's or
 * session's not-before is refused as well ({@link AccessRevocations}).
 */
public final class TrustedIssuers {

	private static final Set<String> KEY_REFERENCE_HEADERS = Set.of("jku", "x5u", "jwk", "x5c");

	private TrustedIssuers() {
	}

	/**
	 * Builds the resolver that a servlet resource server uses to authenticate bearer
	 * tokens; a token that passed is remembered for a while (see {@link VerifiedTokens}).
	 */
	public static AuthenticationManagerResolver<HttpServletRequest> resolver(TrustProperties trust,
			@Nullable LocalIssuerKeys local, AccessRevocations revocations, Clock clock) {
		return remembering(verifiers(trust, local, revocations, clock), new VerifiedTokens(trust, revocations, clock));
	}

	static AuthenticationManagerResolver<HttpServletRequest> remembering(
			AuthenticationManagerResolver<HttpServletRequest> verifiers, VerifiedTokens verified) {
		return (request) -> {
			AuthenticationManager verifier = verifiers.resolve(request);
			return (authentication) -> {
				Authentication known = verified.recall(authentication);
				if (known != null) {
					return known;
				}
				Authentication result = verifier.authenticate(authentication);
				verified.remember(authentication, result);
				return result;
			};
		};
	}

	private static AuthenticationManagerResolver<HttpServletRequest> verifiers(TrustProperties trust,
			@Nullable LocalIssuerKeys local, AccessRevocations revocations, Clock clock) {
		Map<String, AuthenticationManager> managers = byIssuer(trust, (issuer) -> {
			NimbusJwtDecoder decoder = (local != null && local.issuerUri().equals(issuer.issuerUri()))
					? NimbusJwtDecoder.withJwkSource(local.jwkSource()).jwsAlgorithm(SignatureAlgorithm.RS256).build()
					: NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString())
						.jwsAlgorithm(SignatureAlgorithm.RS256)
						.build();
			decoder.setJwtValidator(validator(issuer.issuerUri(), trust, revocations, clock));
			JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
			provider.setJwtAuthenticationConverter(authenticationConverter(issuer));
			return provider::authenticate;
		});
		return new JwtIssuerAuthenticationManagerResolver(managers::get);
	}

	static <M> Map<String, M> byIssuer(TrustProperties trust, Function<TrustProperties.Issuer, M> manager) {
		return trust.issuers()
			.stream()
			.collect(Collectors.toUnmodifiableMap(TrustProperties.Issuer::issuerUri, manager));
	}

	static JwtAuthenticationConverter authenticationConverter(TrustProperties.Issuer issuer) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(issuer.kind()::authorities);
		return converter;
	}

	/**
	 * The checks every accepted token passes besides its signature, on the service's
	 * clock: a practice user's token is also refused once its access was revoked.
	 */
	static OAuth2TokenValidator<Jwt> validator(String issuerUri, TrustProperties trust, AccessRevocations revocations,
			Clock clock) {
		JwtTimestampValidator lifetime = new JwtTimestampValidator(trust.clockSkew());
		lifetime.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(List.of(lifetime, new JwtIssuerValidator(issuerUri),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(trust.audience())),
				new JwtClaimValidator<Object>(JwtClaimNames.EXP, (expiry) -> expiry != null),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, (subject) -> subject != null && !subject.isBlank()),
				TrustedIssuers::refuseKeyReferences, revocations.validator()));
	}

	private static OAuth2TokenValidatorResult refuseKeyReferences(Jwt jwt) {
		boolean pointsElsewhere = jwt.getHeaders().keySet().stream().anyMatch(KEY_REFERENCE_HEADERS::contains);
		return pointsElsewhere
				? OAuth2TokenValidatorResult
					.failure(new OAuth2Error("invalid_token", "Tokens may not name their own keys", null))
				: OAuth2TokenValidatorResult.success();
	}

}
