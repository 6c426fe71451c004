package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A practice refunded part or all of a purchase, on the purchase's plan.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the refund was issued
 * @param refundId the refund
 * @param purchaseId the purchase refunded
 * @param practiceId the practice that made the sale
 * @param practiceName the practice's name, for the patient's receipt
 * @param accountId the patient's financing account
 * @param accountLast4 the last four digits of the account number
 * @param amount the refund in US dollars, two decimals
 * @param promotionCode the purchase's plan
 * @param settled whether the purchase had settled before the refund, so that the refund
 * comes out of the practice's funding
 */
public record RefundIssued(UUID eventId, Instant occurredAt, UUID refundId, UUID purchaseId, UUID practiceId,
		String practiceName, UUID accountId, String accountLast4, BigDecimal amount, String promotionCode,
		boolean settled) implements PurchaseEvent {

	public RefundIssued {
		amount = Money.dollars(amount);
	}

}
