package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A user asked to reset their password; the single-use token goes to their e-mail address
 * in a link, and nowhere else: notification-service must never log or store it.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when it was asked
 * @param userId the user
 * @param practiceId the user's practice
 * @param practiceName the practice's name, for the message to the user
 * @param email where the link goes
 * @param resetToken the single-use token
 * @param expiresAt when the token stops working
 */
public record PasswordResetRequested(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId,
		String practiceName, String email, String resetToken, Instant expiresAt) implements RecoveryEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

	@Override
	public String toString() {
		return "PasswordResetRequested[userId=" + this.userId + "]";
	}

}
