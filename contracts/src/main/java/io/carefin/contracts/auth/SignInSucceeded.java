package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A practice user signed in and got tokens.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when
 * @param userId the user
 * @param practiceId the user's practice
 * @param secondFactor whether a second factor was part of it
 */
public record SignInSucceeded(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId,
		boolean secondFactor) implements SignInEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

}
