package io.carefin.account.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient's servicing account as stored: masked number, limit, status, the balance (the
 * sum of its ledger entries) and the patient's profile, decrypted.
 *
 * @param id the account (its credit line's id in transaction-service)
 * @param last4 the last four digits of the account number
 * @param creditLimit the credit limit
 * @param status {@code ACTIVE}, {@code CLOSED}, {@code CHARGED_OFF}, …
 * @param balance what the patient owes
 * @param openedAt when the application was approved
 * @param patient the patient's profile
 */
public record Account(UUID id, String last4, BigDecimal creditLimit, String status, BigDecimal balance,
		Instant openedAt, PatientProfile patient) {

	/**
	 * What the patient can still buy: the limit less the balance, never below zero.
	 */
	public BigDecimal availableCredit() {
		return this.creditLimit.subtract(this.balance).max(BigDecimal.ZERO.setScale(2));
	}

}
