package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Support reactivated a suspended user.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when it happened
 * @param userId the user
 * @param practiceId the user's practice
 * @param practiceName the practice's name, for the message to the user
 * @param email the user's e-mail address, where the notice goes
 */
public record UserReactivated(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId, String practiceName,
		String email) implements UserEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
