package io.carefin.transaction.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.transaction.PlanTerms;
import io.carefin.financing.Cents;
import io.carefin.financing.PlanKind;
import io.carefin.financing.Quote;

/**
 * One version of a promotional plan's terms, in force from {@code effectiveFrom} until
 * {@code effectiveTo} (exclusive).
 *
 * @param code the plan's code, such as {@code DEFERRED_12}
 * @param version the version of its terms
 * @param name how practices see it
 * @param kind how it charges interest
 * @param months its length in months
 * @param apr its APR in percent (0.00 for deferred interest)
 * @param standardApr the standard purchase APR in percent
 * @param minimumAmount the smallest purchase it finances
 * @param merchantFeeRate the share of a settled purchase the practice pays, such as
 * 0.0600
 * @param effectiveFrom the first day these terms apply
 * @param effectiveTo the first day they no longer apply, when known
 */
public record Plan(String code, int version, String name, PlanKind kind, int months, BigDecimal apr,
		BigDecimal standardApr, BigDecimal minimumAmount, BigDecimal merchantFeeRate, LocalDate effectiveFrom,
		@Nullable LocalDate effectiveTo) {

	/**
	 * The terms a purchase on this plan carries.
	 */
	public PlanTerms terms() {
		return new PlanTerms(this.code, this.kind.name(), this.months, this.apr, this.standardApr);
	}

	/**
	 * What financing an amount on this plan costs, with the shared calculator.
	 */
	public Quote quote(BigDecimal amount) {
		return Quote.of(this.kind, amount, this.months, this.apr);
	}

	/**
	 * The merchant fee on a settled amount, rounded half-up to the cent.
	 */
	public static BigDecimal merchantFee(BigDecimal settledAmount, BigDecimal rate) {
		return Cents.halfUp(settledAmount.multiply(rate));
	}

}
