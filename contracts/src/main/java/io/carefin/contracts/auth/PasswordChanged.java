package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's password was changed, by a reset or by the user; every session of theirs has
 * ended.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when it changed
 * @param userId the user
 * @param practiceId the user's practice
 */
public record PasswordChanged(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId) implements UserEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
