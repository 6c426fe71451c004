package io.carefin.account.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.financing.AmortizationSchedule;
import io.carefin.financing.Cents;
import io.carefin.financing.DeferredInterest;
import io.carefin.financing.PlanKind;

/**
 * One purchase's balance on its promotional plan, with the plan's terms at the time of
 * the purchase: what is left of it, when the promotion ends, and what it asks each month.
 *
 * @param purchaseId the purchase
 * @param accountId the account
 * @param practiceId where it was bought
 * @param practiceName the practice's name
 * @param planCode such as {@code DEFERRED_12}
 * @param kind how the plan charges interest
 * @param months the promotion's length
 * @param apr the plan's APR in percent (0 for deferred interest)
 * @param standardApr the standard APR, at which deferred interest accrues and which the
 * balance carries after the promotion
 * @param amount the purchase amount
 * @param authorizationCode the purchase's authorisation code
 * @param startDate the purchase's business day
 * @param endDate the promotion's end date: start plus the plan's months
 * @param zone the practice's business-day zone
 * @param status {@code OPEN}, {@code PAID_IN_FULL}, {@code EXPIRED} or {@code VOIDED}
 * @param remaining what is left: the sum of the balance's ledger entries
 * @param shadowInterest deferred interest accrued so far
 * @param processedThrough the last business day the balance has been through
 */
public record PromotionBalance(UUID purchaseId, UUID accountId, UUID practiceId, String practiceName, String planCode,
		PlanKind kind, int months, BigDecimal apr, BigDecimal standardApr, BigDecimal amount, String authorizationCode,
		LocalDate startDate, LocalDate endDate, ZoneId zone, String status, BigDecimal remaining,
		BigDecimal shadowInterest, LocalDate processedThrough) {

	public static final String OPEN = "OPEN";

	public static final String PAID_IN_FULL = "PAID_IN_FULL";

	public static final String EXPIRED = "EXPIRED";

	public static final String VOIDED = "VOIDED";

	/**
	 * Whether the deferred-interest promotion still runs (interest accrues in the
	 * shadow).
	 */
	public boolean deferredPromotionRunning() {
		return this.kind == PlanKind.DEFERRED_INTEREST && OPEN.equals(this.status);
	}

	/**
	 * Whether payments can still go to this balance.
	 */
	public boolean payable() {
		return (OPEN.equals(this.status) || EXPIRED.equals(this.status)) && this.remaining.signum() > 0;
	}

	/**
	 * The APR that decides where a payment's excess goes: a running deferred promotion
	 * charges none, a balance past its promotion the standard APR.
	 */
	public BigDecimal allocationApr() {
		if (this.kind == PlanKind.DEFERRED_INTEREST) {
			return OPEN.equals(this.status) ? BigDecimal.ZERO : this.standardApr;
		}
		return this.apr;
	}

	/**
	 * Whether the day falls in the last two months before a running deferred promotion
	 * ends, when a payment's excess goes to it first (Reg Z 1026.53(b)).
	 */
	public boolean inLastTwoMonths(LocalDate day) {
		return deferredPromotionRunning() && !day.isBefore(this.endDate.minusMonths(2)) && !day.isAfter(this.endDate);
	}

	/**
	 * The monthly payments left before the promotion ends, at least one.
	 */
	public int monthsLeft(LocalDate day) {
		long months = ChronoUnit.MONTHS.between(day, this.endDate);
		if (day.plusMonths(months).isBefore(this.endDate)) {
			months++;
		}
		return (int) Math.max(1, months);
	}

	/**
	 * The fixed-payment plan's schedule, from the shared calculator.
	 */
	public @Nullable AmortizationSchedule schedule() {
		return (this.kind == PlanKind.REDUCED_APR) ? AmortizationSchedule.of(this.amount, this.apr, this.months) : null;
	}

	/**
	 * The monthly amount that pays the balance off in time: for a running deferred
	 * promotion what is left over the months left, rounded up; for a fixed-payment plan
	 * its scheduled payment; never more than what is left.
	 */
	public BigDecimal monthlyPayoff(LocalDate day) {
		if (this.remaining.signum() <= 0) {
			return Cents.ZERO;
		}
		if (deferredPromotionRunning()) {
			return DeferredInterest.payoffMonthly(this.remaining, monthsLeft(day));
		}
		return minimumDue(day);
	}

	/**
	 * The least the patient must pay on this balance in a month.
	 */
	public BigDecimal minimumDue(LocalDate day) {
		if (this.remaining.signum() <= 0) {
			return Cents.ZERO;
		}
		if (deferredPromotionRunning()) {
			return DeferredInterest.minimumPayment(this.remaining, monthsLeft(day));
		}
		if (this.kind == PlanKind.REDUCED_APR) {
			return AmortizationSchedule.of(this.amount, this.apr, this.months).monthlyPayment().min(this.remaining);
		}
		BigDecimal spread = Cents.up(this.amount.divide(BigDecimal.valueOf(this.months), MathContext.DECIMAL128));
		return spread.max(DeferredInterest.MINIMUM_PAYMENT_FLOOR).min(this.remaining);
	}

	/**
	 * The first day of the monthly cycle the day falls in: the last monthly anniversary
	 * of the purchase on or before it.
	 */
	public LocalDate cycleStart(LocalDate day) {
		return this.startDate.plusMonths(Math.max(0, monthsSince(this.startDate, day)));
	}

	/**
	 * How many monthly anniversaries of a day have passed by another, counting an
	 * anniversary that falls on a shorter month's last day (the 31st's is the 30th or the
	 * 28th).
	 */
	static long monthsSince(LocalDate anchor, LocalDate day) {
		long months = ChronoUnit.MONTHS.between(anchor, day);
		return anchor.plusMonths(months + 1).equals(day) ? months + 1 : months;
	}

}
