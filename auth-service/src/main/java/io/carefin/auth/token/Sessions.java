package io.carefin.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;

/**
 * Sign-in sessions: started by a successful sign-in, renewed by refresh tokens within the
 * idle timeout and the session lifetime, and ended by logout, reset, a password change in
 * another session, suspension or replay.
 */
@Service
@EnableConfigurationProperties(TokenProperties.class)
public class Sessions {

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final Users users;

	private final TokenProperties properties;

	private final Clock clock;

	Sessions(AccessTokens accessTokens, RefreshTokens refreshTokens, Users users, TokenProperties properties,
			Clock clock) {
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.users = users;
		this.properties = properties;
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
			case RefreshTokens.Use.Replayed replayed -> throw new SessionEndedException();
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
	 * Ends one session, as on logout.
	 */
	@Transactional
	public void end(UUID sessionId) {
		this.refreshTokens.revokeFamily(sessionId, this.clock.instant());
	}

	/**
	 * Ends every session of a user, as on a password reset or a suspension.
	 */
	@Transactional
	public void endAll(UUID userId) {
		this.refreshTokens.revokeAll(userId, this.clock.instant());
	}

	/**
	 * Ends every session of a user but one, as when they change their password in that
	 * session.
	 */
	@Transactional
	public void endAllBut(UUID userId, UUID keptSessionId) {
		this.refreshTokens.revokeAllBut(userId, keptSessionId, this.clock.instant());
	}

	private TokenPair tokens(PracticeUser user, UUID sessionId, Instant sessionExpiresAt, Instant now) {
		String accessToken = this.accessTokens.issue(user, sessionId, now);
		String refreshToken = this.refreshTokens.issue(user.id(), sessionId, sessionExpiresAt, now);
		return new TokenPair(accessToken, refreshToken, this.properties.accessTokenTtl().toSeconds());
	}

}
