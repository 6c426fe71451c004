package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A practice charged a patient's credit line for a purchase on a promotional plan.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the purchase was approved
 * @param purchaseId the purchase
 * @param practiceId the practice that made the sale
 * @param accountId the patient's financing account
 * @param amount the purchase amount in US dollars, two decimals
 * @param promotionCode the plan the purchase is financed on, such as {@code DEFERRED_12}
 */
public record PurchaseApproved(UUID eventId, Instant occurredAt, UUID purchaseId, UUID practiceId, UUID accountId,
		BigDecimal amount, String promotionCode) implements PurchaseEvent {

	public PurchaseApproved {
		amount = Money.dollars(amount);
	}

	@Override
	public String aggregateId() {
		return this.purchaseId.toString();
	}

}
