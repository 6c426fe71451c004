package io.carefin.financing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What financing an amount on a plan costs the patient.
 *
 * @param amount the amount financed
 * @param monthlyPayment for fixed-payment plans the amortised payment; for deferred plans
 * the amount that clears the promotion in time
 * @param numberOfPayments how many payments repay it when the plan is followed
 * @param lastPayment the last payment (fixed-payment plans absorb rounding in it)
 * @param totalInterest the interest paid when the plan is followed
 * @param totalCost the amount plus that interest
 * @param minimumPayment the least the patient must pay each month
 */
public record Quote(BigDecimal amount, BigDecimal monthlyPayment, int numberOfPayments, BigDecimal lastPayment,
		BigDecimal totalInterest, BigDecimal totalCost, BigDecimal minimumPayment) {

	/**
	 * Quotes an amount on a plan.
	 * @param kind how the plan charges interest
	 * @param amount the amount financed, positive, whole cents
	 * @param months the plan's months
	 * @param apr the plan's APR in percent (ignored for deferred plans, which charge none
	 * when paid in time)
	 */
	public static Quote of(PlanKind kind, BigDecimal amount, int months, BigDecimal apr) {
		return switch (kind) {
			case REDUCED_APR -> {
				AmortizationSchedule schedule = AmortizationSchedule.of(amount, apr, months);
				yield new Quote(schedule.principal(), schedule.monthlyPayment(), schedule.numberOfPayments(),
						schedule.lastPayment(), schedule.totalInterest(), schedule.totalCost(),
						schedule.monthlyPayment());
			}
			case DEFERRED_INTEREST -> {
				BigDecimal principal = Cents.exact(amount);
				if (principal.signum() <= 0) {
					throw new IllegalArgumentException("The amount financed must be positive");
				}
				BigDecimal monthly = DeferredInterest.payoffMonthly(principal, months);
				int payments = principal.divide(monthly, 0, RoundingMode.CEILING).intValueExact();
				BigDecimal last = principal.subtract(monthly.multiply(BigDecimal.valueOf(payments - 1)));
				yield new Quote(principal, monthly, payments, last, Cents.ZERO, principal,
						DeferredInterest.minimumPayment(principal, months));
			}
		};
	}

}
