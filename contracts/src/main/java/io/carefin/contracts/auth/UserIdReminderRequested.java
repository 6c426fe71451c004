package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked for the user ID that belongs to an e-mail address; it goes to that
 * address.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when it was asked
 * @param userId the user
 * @param practiceId the user's practice
 * @param practiceName the practice's name, for the message to the user
 * @param email where the reminder goes
 * @param signInUserId the user ID the user signs in with
 */
public record UserIdReminderRequested(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId,
		String practiceName, String email, String signInUserId) implements RecoveryEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
