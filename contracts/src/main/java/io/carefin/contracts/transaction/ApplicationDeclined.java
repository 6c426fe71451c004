package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A credit application was declined, for the reasons given.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the application was declined
 * @param applicationId the application
 * @param practiceId the practice the patient applied at
 * @param practiceName the practice's name
 * @param submittedAt when the application was submitted
 * @param keyedBy {@code PATIENT} or {@code STAFF}
 * @param requestedAmount the credit asked for
 * @param reviewed whether support staff declined it after review
 * @param patient the patient's name and contact
 * @param reasons the decline reason codes, such as {@code UNDER_AGE} or
 * {@code DEBT_TO_INCOME_TOO_HIGH}
 */
public record ApplicationDeclined(UUID eventId, Instant occurredAt, UUID applicationId, UUID practiceId,
		String practiceName, Instant submittedAt, String keyedBy, BigDecimal requestedAmount, boolean reviewed,
		Patient patient, List<String> reasons) implements ApplicationEvent {

	public ApplicationDeclined {
		requestedAmount = Money.dollars(requestedAmount);
		reasons = List.copyOf(reasons);
	}

}
