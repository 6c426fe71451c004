package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * The credit engine could not decide an application; support staff will.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the application was submitted and set aside
 * @param applicationId the application
 * @param practiceId the practice the patient applied at
 * @param practiceName the practice's name
 * @param submittedAt when the application was submitted
 * @param keyedBy {@code PATIENT} or {@code STAFF}
 * @param requestedAmount the credit asked for
 * @param patient the patient's name and contact
 */
public record ApplicationPendingReview(UUID eventId, Instant occurredAt, UUID applicationId, UUID practiceId,
		String practiceName, Instant submittedAt, String keyedBy, BigDecimal requestedAmount,
		Patient patient) implements ApplicationEvent {

	public ApplicationPendingReview {
		requestedAmount = Money.dollars(requestedAmount);
	}

	@Override
	public boolean reviewed() {
		return false;
	}

}
