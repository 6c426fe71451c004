package io.carefin.financing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed monthly payments that repay an amount at an APR over a number of months:
 * payment = P·r / (1 − (1 + r)^−n) with r = APR / 12, rounded half-up to the cent; each
 * month's interest rounded half-up to the cent; the last payment absorbs the remainder.
 *
 * @param principal the amount financed
 * @param apr the annual percentage rate, in percent (14.90 for 14.90 %)
 * @param installments the payments, first to last
 */
public record AmortizationSchedule(BigDecimal principal, BigDecimal apr, List<Installment> installments) {

	private static final MathContext PRECISION = MathContext.DECIMAL128;

	private static final BigDecimal MONTHS_PER_YEAR_IN_PERCENT = new BigDecimal("1200");

	public AmortizationSchedule {
		installments = List.copyOf(installments);
	}

	/**
	 * Amortises an amount.
	 * @param principal the amount financed, positive, whole cents
	 * @param apr the annual percentage rate in percent, zero or more
	 * @param months the number of monthly payments, at least 1
	 * @return the schedule
	 */
	public static AmortizationSchedule of(BigDecimal principal, BigDecimal apr, int months) {
		BigDecimal amount = Cents.exact(principal);
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("The amount financed must be positive");
		}
		if (apr.signum() < 0) {
			throw new IllegalArgumentException("An APR cannot be negative");
		}
		if (months < 1) {
			throw new IllegalArgumentException("A schedule has at least one payment");
		}
		BigDecimal rate = apr.divide(MONTHS_PER_YEAR_IN_PERCENT, PRECISION);
		BigDecimal payment = level(amount, rate, months);
		List<Installment> installments = new ArrayList<>(months);
		BigDecimal balance = amount;
		for (int number = 1; number <= months; number++) {
			BigDecimal interest = Cents.halfUp(balance.multiply(rate, PRECISION));
			BigDecimal due = (number == months || payment.compareTo(balance.add(interest)) > 0) ? balance.add(interest)
					: payment;
			BigDecimal principalPart = due.subtract(interest);
			balance = balance.subtract(principalPart);
			installments.add(new Installment(number, due, interest, principalPart, balance));
			if (balance.signum() == 0) {
				break;
			}
		}
		return new AmortizationSchedule(amount, apr, installments);
	}

	private static BigDecimal level(BigDecimal amount, BigDecimal rate, int months) {
		if (rate.signum() == 0) {
			return Cents.up(amount.divide(BigDecimal.valueOf(months), PRECISION));
		}
		BigDecimal growth = BigDecimal.ONE.add(rate).pow(months, PRECISION);
		BigDecimal discount = BigDecimal.ONE.subtract(BigDecimal.ONE.divide(growth, PRECISION));
		return Cents.halfUp(amount.multiply(rate, PRECISION).divide(discount, PRECISION));
	}

	/**
	 * The regular monthly payment (every payment but possibly the last).
	 */
	public BigDecimal monthlyPayment() {
		return this.installments.getFirst().payment();
	}

	/**
	 * The last payment, which absorbs the rounding remainder.
	 */
	public BigDecimal lastPayment() {
		return this.installments.getLast().payment();
	}

	/**
	 * How many payments the schedule has.
	 */
	public int numberOfPayments() {
		return this.installments.size();
	}

	/**
	 * The interest paid over the whole schedule.
	 */
	public BigDecimal totalInterest() {
		return this.installments.stream().map(Installment::interest).reduce(Cents.ZERO, BigDecimal::add);
	}

	/**
	 * Everything paid over the whole schedule: the principal plus the interest.
	 */
	public BigDecimal totalCost() {
		return this.principal.add(totalInterest());
	}

}
