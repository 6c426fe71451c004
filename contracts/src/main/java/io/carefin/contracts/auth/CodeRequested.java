package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in needs a one-time code sent to the user; notification-service sends it and
 * must never log or store it.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the code was made
 * @param challengeId the sign-in challenge the code answers
 * @param userId the user signing in
 * @param practiceId the user's practice
 * @param practiceName the practice's name, for the message to the user
 * @param channel {@code SMS} or {@code EMAIL}
 * @param destination the phone number (E.164) or e-mail address to send it to
 * @param code the six-digit code
 * @param expiresAt when the code stops working
 */
public record CodeRequested(UUID eventId, Instant occurredAt, UUID challengeId, UUID userId, UUID practiceId,
		String practiceName, String channel, String destination, String code,
		Instant expiresAt) implements ChallengeEvent {

	@Override
	public String aggregateId() {
		return this.challengeId.toString();
	}

	@Override
	public String toString() {
		return "CodeRequested[challengeId=" + this.challengeId + ", channel=" + this.channel + "]";
	}

}
