package io.carefin.reporting.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sales read model: approvals, refunds and voids per practice, plan and business day,
 * and the same per calendar month.
 */
@Repository
class SalesModel {

	private final JdbcClient jdbc;

	SalesModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(SalesDelta delta) {
		upsert("daily_sales", "business_day", delta.day(), delta);
		upsert("monthly_sales", "month", delta.day().withDayOfMonth(1), delta);
	}

	private void upsert(String table, String period, LocalDate start, SalesDelta delta) {
		// table and period are this class's constants, never input
		this.jdbc.sql("""
				INSERT INTO %1$s (practice_id, %2$s, plan_code, purchases, purchase_volume, refunds, refund_amount,
				                  voids, void_amount)
				VALUES (:practiceId, :start, :plan, :purchases, :volume, :refunds, :refundAmount, :voids, :voidAmount)
				ON CONFLICT (practice_id, %2$s, plan_code) DO UPDATE
				SET purchases = %1$s.purchases + excluded.purchases,
				    purchase_volume = %1$s.purchase_volume + excluded.purchase_volume,
				    refunds = %1$s.refunds + excluded.refunds,
				    refund_amount = %1$s.refund_amount + excluded.refund_amount,
				    voids = %1$s.voids + excluded.voids,
				    void_amount = %1$s.void_amount + excluded.void_amount
				""".formatted(table, period))
			.param("practiceId", delta.practiceId())
			.param("start", start)
			.param("plan", delta.plan())
			.param("purchases", delta.purchases())
			.param("volume", delta.volume())
			.param("refunds", delta.refunds())
			.param("refundAmount", delta.refundAmount())
			.param("voids", delta.voids())
			.param("voidAmount", delta.voidAmount())
			.update();
	}

	/**
	 * What one event adds to a practice's day and plan.
	 */
	record SalesDelta(UUID practiceId, LocalDate day, String plan, int purchases, BigDecimal volume, int refunds,
			BigDecimal refundAmount, int voids, BigDecimal voidAmount) {
	}

}
