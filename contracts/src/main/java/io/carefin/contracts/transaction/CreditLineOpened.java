package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A credit line was opened for a patient on an approved application: the facts
 * account-service opens the servicing account with (the profile, the limit, the number's
 * last 4 and keyed hash). Never the SSN or the full account number. The approval itself
 * ({@link ApplicationApproved}) travels without the date of birth and address, to
 * consumers that only count or write to the patient.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the line was opened
 * @param accountId the patient's financing account (the credit line)
 * @param applicationId the approved application that opened it
 * @param practiceId the practice the patient applied at
 * @param practiceName the practice's name
 * @param patient the patient's name and contact
 * @param dateOfBirth the patient's date of birth
 * @param address the patient's address
 * @param accountLast4 the last four digits of the account number
 * @param accountNumberHash the keyed hash (HMAC-SHA256, hex) of the full account number,
 * to find the account by its number without storing it
 * @param creditLimit the credit limit granted
 */
public record CreditLineOpened(UUID eventId, Instant occurredAt, UUID accountId, UUID applicationId, UUID practiceId,
		String practiceName, Patient patient, LocalDate dateOfBirth, Address address, String accountLast4,
		String accountNumberHash, BigDecimal creditLimit) implements CreditLineEvent {

	public CreditLineOpened {
		creditLimit = Money.dollars(creditLimit);
	}

	@Override
	public String toString() {
		return "CreditLineOpened[accountId=" + this.accountId + ", applicationId=" + this.applicationId + "]";
	}

}
