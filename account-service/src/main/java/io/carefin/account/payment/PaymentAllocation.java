package io.carefin.account.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.carefin.financing.Cents;

/**
 * Splits a payment over an account's balances: first each balance's amount due for the
 * month, highest APR first; then the excess to the balance with the highest APR, except
 * that a deferred-interest promotion in its last two months comes before every other
 * balance (Reg Z 1026.53(b)); ties go to the promotion that ends first.
 */
final class PaymentAllocation {

	private static final Comparator<Claim> HIGHEST_APR_FIRST = Comparator.comparing(Claim::apr)
		.reversed()
		.thenComparing(Claim::endDate)
		.thenComparing(Claim::startDate)
		.thenComparing(Claim::purchaseId);

	private static final Comparator<Claim> EXCESS_ORDER = Comparator.comparing((Claim claim) -> !claim.lastTwoMonths())
		.thenComparing(HIGHEST_APR_FIRST);

	private PaymentAllocation() {
	}

	/**
	 * Allocates a payment no larger than what the balances owe together.
	 * @return how much goes to each balance, in the order allocated
	 * @throws IllegalArgumentException when the payment exceeds what is owed
	 */
	static Map<UUID, BigDecimal> allocate(BigDecimal payment, List<Claim> claims) {
		Map<UUID, BigDecimal> left = new LinkedHashMap<>();
		claims.forEach((claim) -> left.put(claim.purchaseId(), claim.remaining()));
		Map<UUID, BigDecimal> allocated = new LinkedHashMap<>();
		BigDecimal unallocated = payment;
		List<Claim> byApr = new ArrayList<>(claims);
		byApr.sort(HIGHEST_APR_FIRST);
		for (Claim claim : byApr) {
			BigDecimal part = unallocated.min(claim.due()).min(left.get(claim.purchaseId())).max(Cents.ZERO);
			unallocated = give(allocated, left, claim, part, unallocated);
		}
		List<Claim> excessOrder = new ArrayList<>(claims);
		excessOrder.sort(EXCESS_ORDER);
		for (Claim claim : excessOrder) {
			BigDecimal part = unallocated.min(left.get(claim.purchaseId()));
			unallocated = give(allocated, left, claim, part, unallocated);
		}
		if (unallocated.signum() != 0) {
			throw new IllegalArgumentException("The payment exceeds what the balances owe");
		}
		return allocated;
	}

	private static BigDecimal give(Map<UUID, BigDecimal> allocated, Map<UUID, BigDecimal> left, Claim claim,
			BigDecimal part, BigDecimal unallocated) {
		if (part.signum() <= 0) {
			return unallocated;
		}
		allocated.merge(claim.purchaseId(), part, BigDecimal::add);
		left.merge(claim.purchaseId(), part.negate(), BigDecimal::add);
		return unallocated.subtract(part);
	}

	/**
	 * What one balance claims of a payment.
	 *
	 * @param purchaseId the balance
	 * @param remaining what is left of it
	 * @param due what is still due on it this month
	 * @param apr the APR that ranks it for the excess
	 * @param lastTwoMonths whether it is a deferred-interest promotion in its last two
	 * months
	 * @param startDate its purchase's business day
	 * @param endDate its promotion's end date
	 */
	record Claim(UUID purchaseId, BigDecimal remaining, BigDecimal due, BigDecimal apr, boolean lastTwoMonths,
			LocalDate startDate, LocalDate endDate) {

	}

}
