package io.carefin.starter.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Remembers, for a short while, the exact tokens that passed every check, so that a
 * client's next request with the same token skips parsing, choosing the issuer and the
 * signature check but never the expiry and revocation checks; a token that failed is
 * never remembered.
 */
final class VerifiedTokens {

	private final @Nullable Cache<String, JwtAuthenticationToken> verified;

	private final JwtTimestampValidator lifetime;

	private final AccessRevocations revocations;

	VerifiedTokens(TrustProperties trust, Clock clock) {
		this(trust, new AccessRevocations(trust, Duration.ZERO, clock), clock);
	}

	VerifiedTokens(TrustProperties trust, AccessRevocations revocations, Clock clock) {
		this.revocations = revocations;
		TrustProperties.TokenCache cache = trust.tokenCache();
		// Caffeine evicts asynchronously, so a size of 0 would still remember a token for
		// a moment
		this.verified = (cache.maximumSize() > 0)
				? Caffeine.newBuilder().maximumSize(cache.maximumSize()).expireAfterWrite(cache.timeToLive()).build()
				: null;
		this.lifetime = new JwtTimestampValidator(trust.clockSkew());
		this.lifetime.setClock(clock);
	}

	/**
	 * The authentication of a bearer token that passed every check before and is still
	 * live, as a new object the caller may change; {@code null} when the token needs the
	 * full check.
	 */
	@Nullable Authentication recall(Authentication request) {
		Cache<String, JwtAuthenticationToken> verified = this.verified;
		if (verified == null || !(request instanceof BearerTokenAuthenticationToken bearer)) {
			return null;
		}
		JwtAuthenticationToken known = verified.getIfPresent(bearer.getToken());
		if (known == null) {
			return null;
		}
		if (this.lifetime.validate(known.getToken()).hasErrors() || this.revocations.revokes(known.getToken())) {
			// expired or revoked since: the full check refuses it with the usual answer
			verified.invalidate(bearer.getToken());
			return null;
		}
		JwtAuthenticationToken fresh = new JwtAuthenticationToken(known.getToken(), known.getAuthorities(),
				known.getName());
		fresh.setDetails(bearer.getDetails());
		return fresh;
	}

	/**
	 * Remembers the outcome of a token's full check if it passed.
	 */
	void remember(Authentication request, Authentication result) {
		if (this.verified != null && request instanceof BearerTokenAuthenticationToken bearer
				&& result instanceof JwtAuthenticationToken jwt && result.isAuthenticated()) {
			this.verified.put(bearer.getToken(), jwt);
		}
	}

}
