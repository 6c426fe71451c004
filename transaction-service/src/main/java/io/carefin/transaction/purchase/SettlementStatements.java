package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What settlement funded a practice per settlement day: its settled purchases less their
 * merchant fees, less the payments it collected for the lender.
 */
@Repository
class SettlementStatements {

	private final JdbcClient jdbc;

	SettlementStatements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SettlementDay> of(UUID practiceId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("""
					WITH purchases AS (
					    SELECT settlement_date AS day, count(*) AS settled, sum(net_funding + merchant_fee) AS amount,
					           sum(merchant_fee) AS fees, sum(net_funding) AS net
					    FROM purchase WHERE practice_id = :practice AND settlement_date BETWEEN :from AND :to GROUP BY settlement_date),
					collected AS (
					    SELECT settlement_date AS day, count(*) AS payments, sum(amount) AS amount
					    FROM collected_payment WHERE practice_id = :practice AND settlement_date BETWEEN :from AND :to
					    GROUP BY settlement_date)
					SELECT coalesce(p.day, c.day) AS day, coalesce(p.settled, 0) AS settled,
					       coalesce(p.amount, 0.00) AS amount, coalesce(p.fees, 0.00) AS fees,
					       coalesce(c.payments, 0) AS payments, coalesce(c.amount, 0.00) AS collected,
					       coalesce(p.net, 0.00) - coalesce(c.amount, 0.00) AS net
					FROM purchases p FULL JOIN collected c ON c.day = p.day ORDER BY 1
					""")
			.param("practice", practiceId)
			.param("from", from)
			.param("to", to)
			.query((row, n) -> new SettlementDay(row.getObject("day", LocalDate.class), row.getLong("settled"),
					row.getBigDecimal("amount").setScale(2), row.getBigDecimal("fees").setScale(2),
					row.getLong("payments"), row.getBigDecimal("collected").setScale(2),
					row.getBigDecimal("net").setScale(2)))
			.list();
	}

	/**
	 * One settlement day of a practice.
	 *
	 * @param settlementDate the practice's business day that settled
	 * @param settledPurchases how many purchases settled
	 * @param settledAmount what they came to, less refunds before settlement
	 * @param merchantFees the plans' fees on it
	 * @param collectedPayments how many payments the practice collected for the lender
	 * @param paymentsCollected what they came to, deducted
	 * @param netFunding what the practice is paid: settled amount − merchant fees −
	 * payments collected (negative when it collected more than it sold)
	 */
	record SettlementDay(LocalDate settlementDate, long settledPurchases, BigDecimal settledAmount,
			BigDecimal merchantFees, long collectedPayments, BigDecimal paymentsCollected, BigDecimal netFunding) {
	}

}
