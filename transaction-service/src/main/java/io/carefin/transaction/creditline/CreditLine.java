package io.carefin.transaction.creditline;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A patient's credit line: their account, its limit and what is left to spend.
 *
 * @param accountId the account's id
 * @param status {@code ACTIVE} or another state in which nothing can be bought
 * @param creditLimit the limit granted
 * @param openToBuy what is left to spend
 * @param accountLast4 the last four digits of the account number
 * @param accountNumberHash the keyed lookup hash of the account number
 */
public record CreditLine(UUID accountId, String status, BigDecimal creditLimit, BigDecimal openToBuy,
		String accountLast4, String accountNumberHash) {

	/**
	 * Whether purchases may be made on it.
	 */
	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

}
