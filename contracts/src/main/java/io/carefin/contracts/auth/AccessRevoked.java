package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Access tokens issued before {@code notBefore} no longer work: every token of the user,
 * or, when {@code sessionId} is present, every token of that one sign-in session.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when access was revoked
 * @param userId the user whose tokens end
 * @param sessionId the session whose tokens end (the tokens' {@code sid}), or
 * {@code null} for all the user's sessions
 * @param notBefore the first instant, a whole second, at which a token of the user or
 * session may have been issued to be accepted; tokens issued earlier are refused
 * @param reason why, as a code: {@code SIGNED_OUT}, {@code SUSPENDED}, {@code DISABLED},
 * {@code PASSWORD_RESET}, {@code PASSWORD_CHANGED}, {@code REFRESH_TOKEN_REPLAYED} or
 * {@code PRACTICE_CLOSED}
 */
public record AccessRevoked(UUID eventId, Instant occurredAt, UUID userId, @Nullable UUID sessionId, Instant notBefore,
		String reason) implements AccessEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
