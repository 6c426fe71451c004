package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A user can no longer sign in until support reactivates them; their sessions have ended.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the suspension began
 * @param userId the user
 * @param practiceId the user's practice
 * @param practiceName the practice's name, for the message to the user
 * @param email the user's e-mail address, where the notice goes
 * @param reason why, as a code such as {@code POLICY_VIOLATION} or {@code INACTIVITY}
 */
public record UserSuspended(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId, String practiceName,
		String email, String reason) implements UserEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
