package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * Ops enrolled a practice: it is open, and its first administrator has been invited.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the practice was enrolled
 * @param practiceId the practice
 * @param name the practice's name
 * @param practiceCode the practice's code, upper case, as in its patients' link
 * {@code /apply/{practiceCode}}
 * @param merchantId the merchant ID the practice's funding is paid to
 * @param timeZone the practice's time zone, an IANA id such as {@code America/New_York}
 */
public record PracticeEnrolled(UUID eventId, Instant occurredAt, UUID practiceId, String name, String practiceCode,
		String merchantId, String timeZone) implements PracticeEvent {

}
