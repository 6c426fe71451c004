package io.carefin.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.AccessRevoked;

/**
 * Sign-in sessions: started by a successful sign-in, renewed by refresh tokens within the
 * idle timeout and the session lifetime, and ended by logout, reset, a password change in
 * another session, suspension or replay. Ending a session also ends its access tokens:
 * each end is announced on {@code auth.revocations}, whose readers (the gateway and every
 * service) refuse the tokens issued before it.
 */
@Service
@EnableConfigurationProperties(TokenProperties.class)
public class Sessions {

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final Users users;

	private final TokenProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Sessions(AccessTokens accessTokens, RefreshTokens refreshTokens, Users users, TokenProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.users = users;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a session for a user who has just proved who they are.
	 */
	@Transactional
	public TokenPair start(PracticeUser user) {
		Instant now = this.clock.instant();
		return tokens(user, UUID.randomUUID(), now.plus(this.properties.sessionLifetime()), now);
	}

	/**
	 * Exchanges a refresh token for a new pair in the same session.
	 * @throws SessionEndedException when the token cannot be exchanged
	 */
	@Transactional(noRollbackFor = SessionEndedException.class)
	public TokenPair refresh(String refreshToken) {
		Instant now = this.clock.instant();
		return switch (this.refreshTokens.use(refreshToken, now)) {
			case RefreshTokens.Use.Rotated rotated -> {
				PracticeUser user = this.users.byId(rotated.userId())
					.filter((candidate) -> candidate.active() && !candidate.lockedAt(now))
					.orElseThrow(() -> {
						this.refreshTokens.revokeFamily(rotated.familyId(), now);
						return new SessionEndedException();
					});
				yield tokens(user, rotated.familyId(), rotated.familyExpiresAt(), now);
			}
			case RefreshTokens.Use.Replayed replayed -> {
				// the token was stolen or its holder is confused: the session's access
				// tokens end too
				revoke(replayed.userId(), replayed.familyId(), "REFRESH_TOKEN_REPLAYED", now);
				throw new SessionEndedException();
			}
			case RefreshTokens.Use.Expired expired -> throw new SessionEndedException();
			case RefreshTokens.Use.Unknown unknown -> throw new SessionEndedException();
		};
	}

	/**
	 * Checks that the session an access token belongs to has not ended (logout, reset,
	 * suspension, replay, idle timeout), so that a client holding a still-unexpired
	 * access token learns at once that its session is over.
	 * @throws SessionEndedException when it has ended
	 */
	@Transactional(readOnly = true)
	public void requireActive(UUID sessionId) {
		if (!this.refreshTokens.familyActive(sessionId, this.clock.instant())) {
			throw new SessionEndedException();
		}
	}

	/**
	 * Ends one session, as on logout, and the access tokens issued in it.
	 */
	@Transactional
	public void end(UUID userId, UUID sessionId) {
		Instant now = this.clock.instant();
		this.refreshTokens.revokeFamily(sessionId, now);
		revoke(userId, sessionId, "SIGNED_OUT", now);
	}

	/**
	 * Ends every session of a user and every access token issued to them until now, as on
	 * a password reset, a suspension or when an admin disables them.
	 * @param reason why, for the services that refuse the tokens: {@code SUSPENDED},
	 * {@code DISABLED}, {@code PASSWORD_RESET}
	 */
	@Transactional
	public void endAll(UUID userId, String reason) {
		Instant now = this.clock.instant();
		this.refreshTokens.revokeAll(userId, now);
		Instant notBefore = wholeSecondFrom(now);
		this.users.refuseTokensBefore(userId, notBefore);
		this.events.publishEvent(new AccessRevoked(UUID.randomUUID(), now, userId, null, notBefore, reason));
	}

	/**
	 * Ends every session of a user but one, and their access tokens, as when they change
	 * their password in that session.
	 */
	@Transactional
	public void endAllBut(UUID userId, UUID keptSessionId) {
		Instant now = this.clock.instant();
		for (UUID ended : this.refreshTokens.revokeAllBut(userId, keptSessionId, now)) {
			revoke(userId, ended, "PASSWORD_CHANGED", now);
		}
	}

	/**
	 * Announces that a session's access tokens no longer work; none is issued in it
	 * again, since its refresh tokens are revoked.
	 */
	private void revoke(UUID userId, UUID sessionId, String reason, Instant now) {
		this.events
			.publishEvent(new AccessRevoked(UUID.randomUUID(), now, userId, sessionId, wholeSecondFrom(now), reason));
	}

	/**
	 * The first whole second at or after an instant: tokens are dated in whole seconds,
	 * so a token issued in the second of a revocation, before it, is refused too.
	 */
	private static Instant wholeSecondFrom(Instant instant) {
		Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
		return second.equals(instant) ? second : second.plusSeconds(1);
	}

	private TokenPair tokens(PracticeUser user, UUID sessionId, Instant sessionExpiresAt, Instant now) {
		String accessToken = this.accessTokens.issue(user, sessionId, now);
		String refreshToken = this.refreshTokens.issue(user.id(), sessionId, sessionExpiresAt, now);
		return new TokenPair(accessToken, refreshToken, this.properties.accessTokenTtl().toSeconds());
	}

}
