package io.carefin.account.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment posted to an account and how it was allocated.
 *
 * @param paymentId the payment
 * @param accountId the account
 * @param amount the amount paid
 * @param postedAt when it was posted
 * @param businessDate the business day it counts on
 * @param practiceId the practice that posted it on the patient's behalf, {@code null}
 * when support staff did
 * @param allocations how much went to each promotional balance
 */
record Payment(UUID paymentId, UUID accountId, BigDecimal amount, Instant postedAt, LocalDate businessDate,
		@Nullable UUID practiceId, List<Part> allocations) {

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
