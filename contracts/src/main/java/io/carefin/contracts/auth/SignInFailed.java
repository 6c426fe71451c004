package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in step failed. Nothing the user typed is carried, not even an unknown user ID,
 * which is often a password typed in the wrong field.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when
 * @param userId the user, absent when no user matched
 * @param practiceId the user's practice, absent when no user matched
 * @param step {@code PASSWORD} or {@code SECOND_FACTOR}
 */
public record SignInFailed(UUID eventId, Instant occurredAt, @Nullable UUID userId, @Nullable UUID practiceId,
		String step) implements SignInEvent {

	@Override
	public String aggregateId() {
		return (this.userId != null) ? this.userId.toString() : "unknown";
	}

}
