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
 */
public record UserReactivated(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId) implements UserEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
