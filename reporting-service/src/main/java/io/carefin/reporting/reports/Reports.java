package io.carefin.reporting.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The reports' bodies on the wire. Amounts are US dollars with two decimals.
 */
final class Reports {

	private Reports() {
	}

	static BigDecimal money(@Nullable BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.UNNECESSARY) : BigDecimal.ZERO.setScale(2);
	}

	/**
	 * Approved ÷ (approved + declined), four decimals half-up; {@code null} before any
	 * decision.
	 */
	static @Nullable BigDecimal approvalRate(long approved, long declined) {
		long decided = approved + declined;
		return (decided == 0) ? null
				: BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
	}

	/**
	 * Activity at a glance.
	 */
	record Summary(LocalDate from, LocalDate to, @Nullable UUID practiceId, Applications applications,
			Purchases purchases, Movement refunds, Movement voids, List<PlanVolume> byPlan) {
	}

	/**
	 * Applications submitted in the range and where they stand.
	 */
	record Applications(long submitted, long approved, long declined, long pending, @Nullable BigDecimal approvalRate) {

		static Applications of(long submitted, long approved, long declined, long pending) {
			return new Applications(submitted, approved, declined, pending, Reports.approvalRate(approved, declined));
		}

	}

	/**
	 * Approved purchases: how many, their volume and the average ticket (volume ÷ count,
	 * half-up to the cent; {@code null} without purchases).
	 */
	record Purchases(long count, BigDecimal volume, @Nullable BigDecimal averageTicket) {

		static Purchases of(long count, BigDecimal volume) {
			return new Purchases(count, money(volume),
					(count == 0) ? null : volume.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
		}

	}

	/**
	 * How many refunds or voids and their amount.
	 */
	record Movement(long count, BigDecimal amount) {
	}

	/**
	 * Approved purchases on one plan.
	 */
	record PlanVolume(String plan, long purchases, BigDecimal volume) {
	}

	/**
	 * Daily funding per settlement day, with the plans that made each day.
	 */
	record DailyFundingReport(LocalDate from, LocalDate to, @Nullable UUID practiceId, List<FundingDay> days,
			Funding totals) {
	}

	/**
	 * One settlement day's funding and its drill-down by plan.
	 */
	record FundingDay(LocalDate businessDay, Funding funding, List<PlanFunding> plans) {
	}

	/**
	 * One plan's share of a settlement day.
	 */
	record PlanFunding(String plan, Funding funding) {
	}

	/**
	 * Funding figures: {@code refunds} = refunds before settlement + refunds after
	 * settlement; {@code paymentsCollected} = the payments the practice posted for the
	 * lender (the patient paid at its front desk), which it keeps and which are deducted;
	 * {@code netFunding} = gross − refunds − merchant fees − payments collected; voids
	 * are shown but never funded, so they do not enter the net.
	 */
	record Funding(long settledPurchases, BigDecimal gross, BigDecimal refundsBeforeSettlement,
			BigDecimal refundsAfterSettlement, BigDecimal refunds, long voids, BigDecimal voidAmount,
			BigDecimal merchantFees, long collectedPayments, BigDecimal paymentsCollected, BigDecimal netFunding) {

		static final Funding NONE = of(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO,
				BigDecimal.ZERO, 0, BigDecimal.ZERO);

		static Funding of(long settled, BigDecimal gross, BigDecimal refundsBefore, BigDecimal refundsAfter, long voids,
				BigDecimal voidAmount, BigDecimal fees, long collected, BigDecimal collectedAmount) {
			BigDecimal refunds = refundsBefore.add(refundsAfter);
			return new Funding(settled, money(gross), money(refundsBefore), money(refundsAfter), money(refunds), voids,
					money(voidAmount), money(fees), collected, money(collectedAmount),
					money(gross.subtract(refunds).subtract(fees).subtract(collectedAmount)));
		}

		Funding plus(Funding other) {
			return of(this.settledPurchases + other.settledPurchases, this.gross.add(other.gross),
					this.refundsBeforeSettlement.add(other.refundsBeforeSettlement),
					this.refundsAfterSettlement.add(other.refundsAfterSettlement), this.voids + other.voids,
					this.voidAmount.add(other.voidAmount), this.merchantFees.add(other.merchantFees),
					this.collectedPayments + other.collectedPayments,
					this.paymentsCollected.add(other.paymentsCollected));
		}

	}

	/**
	 * The applications funnel per submission day, by who keyed them, and decline reasons.
	 */
	record ApplicationsReport(LocalDate from, LocalDate to, @Nullable UUID practiceId, List<ApplicationDay> days,
			Applications totals, List<KeyedBy> keyedBy, List<DeclineReason> declineReasons) {
	}

	/**
	 * Applications submitted on one day and where they stand.
	 */
	record ApplicationDay(LocalDate businessDay, Applications applications) {
	}

	/**
	 * Applications keyed in by {@code PATIENT} or {@code STAFF}.
	 */
	record KeyedBy(String keyedBy, Applications applications) {
	}

	/**
	 * How many declined applications gave a reason.
	 */
	record DeclineReason(String reason, long declined) {
	}

	/**
	 * The same figures per week or month, for a chart.
	 */
	record TrendsReport(LocalDate from, LocalDate to, @Nullable UUID practiceId, Period period,
			List<TrendPoint> points) {
	}

	/**
	 * A trend's bucket.
	 */
	enum Period {

		/** ISO weeks, Monday to Sunday. */
		WEEK,

		/** Calendar months. */
		MONTH

	}

	/**
	 * One week's or month's figures, clipped to the report's range: {@code periodStart}
	 * and {@code periodEnd} are the days it covers, both included.
	 */
	record TrendPoint(LocalDate periodStart, LocalDate periodEnd, Applications applications, Purchases purchases,
			Movement refunds, Movement voids, Funding funding) {
	}

}
