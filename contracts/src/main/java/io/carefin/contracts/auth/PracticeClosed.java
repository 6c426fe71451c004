package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Ops closed a practice: its users are signed out and refused at sign-in, and it takes no
 * new purchases; its history stays.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the practice was closed
 * @param practiceId the practice
 * @param reason why, in the ops staff member's words
 */
public record PracticeClosed(UUID eventId, Instant occurredAt, UUID practiceId,
		String reason) implements PracticeEvent {

}
