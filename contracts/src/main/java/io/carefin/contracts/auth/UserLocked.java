package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user was locked out after repeated failed sign-ins, until {@code lockedUntil}, or
 * until support unlocks them when {@code lockedUntil} is absent.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the lock began
 * @param userId the locked user
 * @param practiceId the user's practice
 * @param practiceName the practice's name, for the message to the user
 * @param email the user's e-mail address, where the notice goes
 * @param lockedUntil when the lock ends by itself, or {@code null} for a lock only
 * support lifts
 */
public record UserLocked(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId, String practiceName,
		String email, @Nullable Instant lockedUntil) implements UserEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

	/**
	 * Whether only support can lift this lock.
	 */
	public boolean permanent() {
		return this.lockedUntil == null;
	}

}
