package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Ops changed a practice's details; the event carries all of them as they now are.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the change was made
 * @param practiceId the practice
 * @param name the practice's name
 * @param practiceCode the practice's code, upper case
 * @param merchantId the merchant ID the practice's funding is paid to
 * @param timeZone the practice's time zone, an IANA id
 */
public record PracticeChanged(UUID eventId, Instant occurredAt, UUID practiceId, String name, String practiceCode,
		String merchantId, String timeZone) implements PracticeEvent {

}
