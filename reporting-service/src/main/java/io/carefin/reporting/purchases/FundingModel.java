package io.carefin.reporting.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily funding read model: settlements, refunds after settlement, voids and fees per
 * practice, business day and plan, and the payments the practice collected for the lender
 * per business day (on the row of no plan, {@link #NO_PLAN}).
 */
@Repository
class FundingModel {

	/**
	 * The plan code of a day's figures that belong to no plan: payments collected.
	 */
	static final String NO_PLAN = "";

	private final JdbcClient jdbc;

	FundingModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(FundingDelta delta) {
		this.jdbc
			.sql("""
					INSERT INTO daily_funding (practice_id, business_day, plan_code, settled_purchases, gross,
					                           refunds_before_settlement, refunds_after_settlement, voids, void_amount,
					                           merchant_fees, collected_payments, payments_collected)
					VALUES (:practiceId, :day, :plan, :settled, :gross, :refundsBefore, :refundsAfter, :voids, :voidAmount,
					        :fees, :collected, :collectedAmount)
					ON CONFLICT (practice_id, business_day, plan_code) DO UPDATE
					SET settled_purchases = daily_funding.settled_purchases + excluded.settled_purchases,
					    gross = daily_funding.gross + excluded.gross,
					    refunds_before_settlement = daily_funding.refunds_before_settlement
					                                + excluded.refunds_before_settlement,
					    refunds_after_settlement = daily_funding.refunds_after_settlement + excluded.refunds_after_settlement,
					    voids = daily_funding.voids + excluded.voids,
					    void_amount = daily_funding.void_amount + excluded.void_amount,
					    merchant_fees = daily_funding.merchant_fees + excluded.merchant_fees,
					    collected_payments = daily_funding.collected_payments + excluded.collected_payments,
					    payments_collected = daily_funding.payments_collected + excluded.payments_collected
					""")
			.param("practiceId", delta.practiceId())
			.param("day", delta.day())
			.param("plan", delta.plan())
			.param("settled", delta.settled())
			.param("gross", delta.gross())
			.param("refundsBefore", delta.refundsBefore())
			.param("refundsAfter", delta.refundsAfter())
			.param("voids", delta.voids())
			.param("voidAmount", delta.voidAmount())
			.param("fees", delta.fees())
			.param("collected", delta.collected())
			.param("collectedAmount", delta.collectedAmount())
			.update();
	}

	/**
	 * What one event adds to a practice's funding day and plan.
	 */
	record FundingDelta(UUID practiceId, LocalDate day, String plan, int settled, BigDecimal gross,
			BigDecimal refundsBefore, BigDecimal refundsAfter, int voids, BigDecimal voidAmount, BigDecimal fees,
			int collected, BigDecimal collectedAmount) {

		FundingDelta(UUID practiceId, LocalDate day, String plan, int settled, BigDecimal gross,
				BigDecimal refundsBefore, BigDecimal refundsAfter, int voids, BigDecimal voidAmount, BigDecimal fees) {
			this(practiceId, day, plan, settled, gross, refundsBefore, refundsAfter, voids, voidAmount, fees, 0,
					BigDecimal.ZERO);
		}

		/**
		 * A payment the practice collected for the lender on a business day.
		 */
		static FundingDelta collected(UUID practiceId, LocalDate day, BigDecimal amount) {
			return new FundingDelta(practiceId, day, NO_PLAN, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0,
					BigDecimal.ZERO, BigDecimal.ZERO, 1, amount);
		}

	}

}
