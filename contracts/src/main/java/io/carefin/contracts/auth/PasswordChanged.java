package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's password was changed, by a reset (every session of theirs has ended) or by the
 * user while signed in (every other session has ended).
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when it changed
 * @param userId the user
 * @param practiceId the user's practice
 * @param practiceName the practice's name, for the message to the user
 * @param email the user's e-mail address, where the notice goes
 */
public record PasswordChanged(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId, String practiceName,
		String email) implements UserEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
