package io.carefin.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import io.carefin.contracts.auth.AccessRevoked;

/**
 * The not-before times of practice users and their sessions, as auth-service announced
 * them on {@code auth.revocations}: a practice user's access token issued before its
 * user's or its session's not-before is refused, though it has not expired (sign-out,
 * suspension, a password change). Each time is kept for as long as a token issued before
 * it could still be live; staff tokens are never affected.
 */
public final class AccessRevocations {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token's access has been revoked", null);

	private final Set<String> providerIssuers;

	private final Duration keep;

	private final Clock clock;

	private final Map<UUID, Instant> users = new ConcurrentHashMap<>();

	private final Map<UUID, Instant> sessions = new ConcurrentHashMap<>();

	/**
	 * A store for the provider issuers of the given trust.
	 * @param trust the trusted issuers; only tokens of the {@link IssuerKind#PROVIDER}
	 * issuers can be revoked
	 * @param keep how long a not-before is kept: at least an access token's lifetime plus
	 * the clock skew
	 * @param clock the service's clock
	 */
	public AccessRevocations(TrustProperties trust, Duration keep, Clock clock) {
		this.providerIssuers = trust.issuers()
			.stream()
			.filter((issuer) -> issuer.kind() == IssuerKind.PROVIDER)
			.map(TrustProperties.Issuer::issuerUri)
			.collect(Collectors.toUnmodifiableSet());
		this.keep = keep;
		this.clock = clock;
	}

	/**
	 * Records a revocation; an earlier not-before never replaces a later one.
	 */
	public void record(AccessRevoked revoked) {
		Instant now = this.clock.instant();
		forgetOlderThan(now.minus(this.keep));
		if (!revoked.notBefore().plus(this.keep).isAfter(now)) {
			return;
		}
		UUID sessionId = revoked.sessionId();
		if (sessionId != null) {
			this.sessions.merge(sessionId, revoked.notBefore(), AccessRevocations::later);
		}
		else {
			this.users.merge(revoked.userId(), revoked.notBefore(), AccessRevocations::later);
		}
	}

	/**
	 * Whether a token that otherwise passed is refused because it was issued before its
	 * user's or its session's not-before.
	 */
	public boolean revokes(Jwt jwt) {
		if (this.users.isEmpty() && this.sessions.isEmpty()) {
			return false;
		}
		String issuer = jwt.getClaimAsString("iss");
		if (issuer == null || !this.providerIssuers.contains(issuer)) {
			return false;
		}
		Instant issuedAt = jwt.getIssuedAt();
		return issuedBefore(notBefore(this.users, jwt.getSubject()), issuedAt)
				|| issuedBefore(notBefore(this.sessions, jwt.getClaimAsString("sid")), issuedAt);
	}

	/**
	 * The check as a token validator, which answers a revoked token as an invalid one:
	 * the same 401 as an expired token.
	 */
	public OAuth2TokenValidator<Jwt> validator() {
		return (jwt) -> revokes(jwt) ? OAuth2TokenValidatorResult.failure(REVOKED)
				: OAuth2TokenValidatorResult.success();
	}

	private static boolean issuedBefore(@Nullable Instant notBefore, @Nullable Instant issuedAt) {
		return notBefore != null && (issuedAt == null || issuedAt.isBefore(notBefore));
	}

	private void forgetOlderThan(Instant horizon) {
		this.users.values().removeIf((notBefore) -> notBefore.isBefore(horizon));
		this.sessions.values().removeIf((notBefore) -> notBefore.isBefore(horizon));
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static @Nullable Instant notBefore(Map<UUID, Instant> times, @Nullable String id) {
		if (id == null) {
			return null;
		}
		try {
			return times.get(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			// not a practice user's id
			return null;
		}
	}

}
