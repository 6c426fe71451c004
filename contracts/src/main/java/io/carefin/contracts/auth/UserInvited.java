package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A practice admin invited a user; the single-use activation token goes to the user's
 * e-mail address in a link, and nowhere else: notification-service must never log or
 * store it.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the invitation was made
 * @param userId the invited user
 * @param practiceId the practice
 * @param practiceName the practice's name, for the message to the user
 * @param email where the link goes
 * @param signInUserId the user ID the user will sign in with
 * @param activationToken the single-use token
 * @param expiresAt when the token stops working
 */
public record UserInvited(UUID eventId, Instant occurredAt, UUID userId, UUID practiceId, String practiceName,
		String email, String signInUserId, String activationToken, Instant expiresAt) implements RecoveryEvent {

	@Override
	public String aggregateId() {
		return this.userId.toString();
	}

	@Override
	public String toString() {
		return "UserInvited[userId=" + this.userId + "]";
	}

}
