package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A credit application was approved and a credit line opened: what account-service needs
 * to open the patient's servicing account. Never the SSN or the full account number.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the application was approved
 * @param applicationId the application
 * @param practiceId the practice the patient applied at
 * @param practiceName the practice's name
 * @param submittedAt when the application was submitted
 * @param keyedBy {@code PATIENT} or {@code STAFF}
 * @param requestedAmount the credit asked for
 * @param reviewed whether support staff approved it after review
 * @param patient the patient's name and contact
 * @param dateOfBirth the patient's date of birth
 * @param address the patient's address
 * @param accountId the patient's new financing account (its credit line)
 * @param accountLast4 the last four digits of the account number
 * @param accountNumberHash the keyed hash (HMAC-SHA256, hex) of the full account number,
 * to find the account by its number without storing it
 * @param creditLimit the credit limit granted
 */
public record ApplicationApproved(UUID eventId, Instant occurredAt, UUID applicationId, UUID practiceId,
		String practiceName, Instant submittedAt, String keyedBy, BigDecimal requestedAmount, boolean reviewed,
		Patient patient, LocalDate dateOfBirth, Address address, UUID accountId, String accountLast4,
		String accountNumberHash, BigDecimal creditLimit) implements ApplicationEvent {

	public ApplicationApproved {
		requestedAmount = Money.dollars(requestedAmount);
		creditLimit = Money.dollars(creditLimit);
	}

	@Override
	public String toString() {
		return "ApplicationApproved[applicationId=" + this.applicationId + ", accountId=" + this.accountId + "]";
	}

}
