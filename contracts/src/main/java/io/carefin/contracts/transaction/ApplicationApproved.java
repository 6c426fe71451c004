package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;

import io.carefin.contracts.Money;

/**
 * A credit application was approved with a credit line: a new one, or the one the patient
 * already holds ({@link #existingAccount()}). A new line's servicing account opens from
 * {@link CreditLineOpened}, which alone carries the date of birth and address; this event
 * carries what its consumers count and the patient's name and contact, to tell them.
 * Never the SSN or the full account number.
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
 * @param dateOfBirth no longer written (absent); messages written before
 * {@link CreditLineOpened} carried the patient's date of birth here, and account-service
 * still opens an account from them
 * @param address no longer written (absent); the patient's address in older messages
 * @param accountId the patient's financing account (its credit line)
 * @param accountLast4 the last four digits of the account number
 * @param accountNumberHash the keyed hash (HMAC-SHA256, hex) of the full account number,
 * to find the account by its number without storing it
 * @param creditLimit the credit limit granted, or the existing line's limit as it is now
 * @param existingAccount whether the patient already held the account and no new credit
 * line was opened: the practice may now use it (added later; absent from older messages,
 * which read as {@code false})
 */
public record ApplicationApproved(UUID eventId, Instant occurredAt, UUID applicationId, UUID practiceId,
		String practiceName, Instant submittedAt, String keyedBy, BigDecimal requestedAmount, boolean reviewed,
		Patient patient, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LocalDate dateOfBirth,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Address address, UUID accountId, String accountLast4,
		String accountNumberHash, BigDecimal creditLimit,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean existingAccount) implements ApplicationEvent {

	public ApplicationApproved {
		requestedAmount = Money.dollars(requestedAmount);
		creditLimit = Money.dollars(creditLimit);
	}

	@Override
	public String toString() {
		return "ApplicationApproved[applicationId=" + this.applicationId + ", accountId=" + this.accountId
				+ ", existingAccount=" + this.existingAccount + "]";
	}

}
