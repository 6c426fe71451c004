package io.carefin.gateway.config;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Remembers, for a short while, the exact tokens that passed every check, so that a
 * client's next request with the same token skips parsing and the signature check but
 * never the expiry check; a token that failed is never remembered.
 */
class VerifiedTokens implements ReactiveAuthenticationManagerResolver<ServerWebExchange> {

	private final ReactiveAuthenticationManagerResolver<ServerWebExchange> verifiers;

	private final @Nullable Cache<String, JwtAuthenticationToken> verified;

	private final JwtTimestampValidator lifetime;

	VerifiedTokens(ReactiveAuthenticationManagerResolver<ServerWebExchange> verifiers, TokenCacheProperties cache,
			Duration clockSkew, Clock clock) {
		this.verifiers = verifiers;
		// Caffeine evicts asynchronously, so a size of 0 would still remember a token for
		// a moment
		this.verified = (cache.maximumSize() > 0)
				? Caffeine.newBuilder().maximumSize(cache.maximumSize()).expireAfterWrite(cache.timeToLive()).build()
				: null;
		this.lifetime = new JwtTimestampValidator(clockSkew);
		this.lifetime.setClock(clock);
	}

	@Override
	public Mono<ReactiveAuthenticationManager> resolve(ServerWebExchange exchange) {
		return this.verifiers.resolve(exchange)
			.map((verifier) -> (authentication) -> authenticate(verifier, authentication));
	}

	private Mono<Authentication> authenticate(ReactiveAuthenticationManager verifier, Authentication authentication) {
		Cache<String, JwtAuthenticationToken> verified = this.verified;
		if (verified == null || !(authentication instanceof BearerTokenAuthenticationToken bearer)) {
			return verifier.authenticate(authentication);
		}
		String token = bearer.getToken();
		JwtAuthenticationToken known = verified.getIfPresent(token);
		if (known != null) {
			if (!this.lifetime.validate(known.getToken()).hasErrors()) {
				return Mono.just(new JwtAuthenticationToken(known.getToken(), known.getAuthorities(), known.getName()));
			}
			// expired since: the full check refuses it with the usual answer
			verified.invalidate(token);
		}
		return verifier.authenticate(authentication).doOnNext((result) -> {
			if (result instanceof JwtAuthenticationToken jwt && result.isAuthenticated()) {
				verified.put(token, jwt);
			}
		});
	}

}
