package io.carefin.financing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The arithmetic of deferred-interest promotions.
 */
public final class DeferredInterest {

	/**
	 * The smallest minimum payment, unless the balance itself is smaller.
	 */
	public static final BigDecimal MINIMUM_PAYMENT_FLOOR = new BigDecimal("30.00");

	private static final BigDecimal DAYS_PER_YEAR_IN_PERCENT = new BigDecimal("36500");

	private DeferredInterest() {
	}

	/**
	 * The monthly amount that clears a balance by the promotion's end: balance / months,
	 * rounded up to the cent, since paying a rounded-down amount every month would leave
	 * cents and trigger all the deferred interest.
	 * @param balance what is left of the promotion, whole cents, zero or more
	 * @param monthsLeft the monthly payments left before the end date, at least 1
	 */
	public static BigDecimal payoffMonthly(BigDecimal balance, int monthsLeft) {
		if (monthsLeft < 1) {
			throw new IllegalArgumentException("At least one payment must be left");
		}
		return Cents.up(Cents.exact(balance).divide(BigDecimal.valueOf(monthsLeft), MathContext.DECIMAL128));
	}

	/**
	 * The minimum monthly payment: the payoff amount, but at least
	 * {@link #MINIMUM_PAYMENT_FLOOR} and never more than the balance.
	 */
	public static BigDecimal minimumPayment(BigDecimal balance, int monthsLeft) {
		BigDecimal floored = payoffMonthly(balance, monthsLeft).max(MINIMUM_PAYMENT_FLOOR);
		return floored.min(Cents.exact(balance));
	}

	/**
	 * One day's shadow interest on a balance at the standard APR (simple daily rate APR /
	 * 365), rounded half-up to the cent.
	 * @param balance the promotional balance at the end of the day
	 * @param standardApr the standard purchase APR in percent
	 */
	public static BigDecimal dailyInterest(BigDecimal balance, BigDecimal standardApr) {
		return Cents.halfUp(
				Cents.exact(balance).multiply(standardApr).divide(DAYS_PER_YEAR_IN_PERCENT, MathContext.DECIMAL128));
	}

}
