package io.carefin.account.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.account.account.Viewer;

/**
 * A payment posted to an account and how it was allocated.
 *
 * @param paymentId the payment
 * @param accountId the account
 * @param amount the amount paid
 * @param postedAt when it was posted
 * @param businessDate the business day it counts on
 * @param practiceId the practice that posted it on the patient's behalf, {@code null}
 * when support staff did (or, as a practice sees it, when another practice did)
 * @param allocations how much went to each promotional balance
 */
record Payment(UUID paymentId, UUID accountId, BigDecimal amount, Instant postedAt, LocalDate businessDate,
		@Nullable UUID practiceId, List<Part> allocations) {

	/**
	 * The payment as a viewer may see it: support staff in full; a practice only the
	 * parts that paid its own purchases, the whole amount only of a payment it posted
	 * itself, and never which other practice posted one.
	 * @param practiceOfPurchase the practice each of the account's purchases was made at
	 * @return the payment, or {@code null} when the practice neither posted it nor was
	 * paid by it
	 */
	@Nullable Payment seenBy(Viewer viewer, Map<UUID, UUID> practiceOfPurchase) {
		if (viewer.support()) {
			return this;
		}
		List<Part> own = this.allocations.stream()
			.filter((part) -> Objects.equals(practiceOfPurchase.get(part.purchaseId()), viewer.practiceId()))
			.toList();
		boolean postedHere = Objects.equals(this.practiceId, viewer.practiceId());
		if (!postedHere && own.isEmpty()) {
			return null;
		}
		BigDecimal shown = postedHere ? this.amount
				: own.stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Payment(this.paymentId, this.accountId, shown, this.postedAt, this.businessDate,
				postedHere ? this.practiceId : null, own);
	}

	Payment withParts(List<Part> parts) {
		return new Payment(this.paymentId, this.accountId, this.amount, this.postedAt, this.businessDate,
				this.practiceId, parts);
	}

	/**
	 * The part of a payment that went to one promotional balance.
	 *
	 * @param purchaseId the balance's purchase
	 * @param planCode its plan
	 * @param amount how much of the payment it got
	 */
	record Part(UUID purchaseId, String planCode, BigDecimal amount) {
	}

}
