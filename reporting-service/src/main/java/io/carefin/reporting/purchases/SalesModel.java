package io.carefin.reporting.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sales read model: approvals, refunds and voids per practice, business day and plan.
 */
@Repository
class SalesModel {

	private final JdbcClient jdbc;

	SalesModel(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(SalesDelta delta) {
		this.jdbc.sql("""
				INSERT INTO daily_sales (practice_id, business_day, plan_code, purchases, purchase_volume, refunds,
				                         refund_amount, voids, void_amount)
				VALUES (:practiceId, :day, :plan, :purchases, :volume, :refunds, :refundAmount, :voids, :voidAmount)
				ON CONFLICT (practice_id, business_day, plan_code) DO UPDATE
				SET purchases = daily_sales.purchases + excluded.purchases,
				    purchase_volume = daily_sales.purchase_volume + excluded.purchase_volume,
				    refunds = daily_sales.refunds + excluded.refunds,
				    refund_amount = daily_sales.refund_amount + excluded.refund_amount,
				    voids = daily_sales.voids + excluded.voids,
				    void_amount = daily_sales.void_amount + excluded.void_amount
				""")
			.param("practiceId", delta.practiceId())
			.param("day", delta.day())
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
