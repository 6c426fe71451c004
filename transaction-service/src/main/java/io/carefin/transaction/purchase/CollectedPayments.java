package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.contracts.account.PaymentPosted;
import io.carefin.transaction.BusinessDays;

/**
 * The payments practices collected for the lender (the patient paid at the front desk):
 * each is deducted once from the practice's funding, by the settlement of the payment's
 * business day.
 */
@Repository
public class CollectedPayments {

	private final JdbcClient jdbc;

	private final BusinessDays businessDays;

	CollectedPayments(JdbcClient jdbc, BusinessDays businessDays) {
		this.jdbc = jdbc;
		this.businessDays = businessDays;
	}

	/**
	 * Records a payment a practice posted, to be deducted from its funding; a payment
	 * support posted is the lender's own and is not recorded.
	 */
	public void record(PaymentPosted payment) {
		UUID practiceId = payment.practiceId();
		if (practiceId == null) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO collected_payment (payment_id, practice_id, account_id, amount, business_date, posted_at)
				VALUES (:payment, :practice, :account, :amount, :day, :postedAt) ON CONFLICT DO NOTHING
				""")
			.param("payment", payment.paymentId())
			.param("practice", practiceId)
			.param("account", payment.accountId())
			.param("amount", payment.amount())
			.param("day", this.businessDays.dayOf(practiceId, payment.occurredAt()))
			.param("postedAt", payment.occurredAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * The practices with collected payments not deducted yet.
	 */
	List<UUID> practicesToSettle() {
		return this.jdbc.sql("SELECT DISTINCT practice_id FROM collected_payment WHERE settlement_date IS NULL")
			.query(UUID.class)
			.list();
	}

	/**
	 * Deducts a practice's collected payments of business days up to one, each on its own
	 * business day.
	 * @return the amount deducted
	 */
	BigDecimal settle(UUID practiceId, LocalDate through) {
		return this.jdbc.sql("""
				WITH settled AS (
				    UPDATE collected_payment SET settlement_date = business_date
				    WHERE practice_id = :practice AND settlement_date IS NULL AND business_date <= :through
				    RETURNING amount)
				SELECT coalesce(sum(amount), 0.00) FROM settled
				""").param("practice", practiceId).param("through", through).query(BigDecimal.class).single();
	}

}
