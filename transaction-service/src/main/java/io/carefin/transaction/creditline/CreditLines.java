package io.carefin.transaction.creditline;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The credit lines of patients' accounts.
 */
@Repository
class CreditLines {

	private final JdbcClient jdbc;

	CreditLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Gives back open-to-buy for a payment, never beyond the credit limit.
	 * @return whether the account has a credit line here
	 */
	boolean freeOpenToBuy(UUID accountId, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE credit_line SET open_to_buy = least(credit_limit, open_to_buy + :amount)
				WHERE account_id = :accountId
				""").param("accountId", accountId).param("amount", amount).update() == 1;
	}

}
