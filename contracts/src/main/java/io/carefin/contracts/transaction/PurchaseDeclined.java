package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A practice tried to charge a patient's credit line and was refused; nothing was
 * charged.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the purchase was declined
 * @param purchaseId the declined purchase attempt
 * @param practiceId the practice that tried the sale
 * @param accountId the patient's financing account
 * @param amount the amount asked for
 * @param promotionCode the plan asked for
 * @param reason why, such as {@code INSUFFICIENT_OPEN_TO_BUY} or
 * {@code ACCOUNT_NOT_ACTIVE}
 */
public record PurchaseDeclined(UUID eventId, Instant occurredAt, UUID purchaseId, UUID practiceId, UUID accountId,
		BigDecimal amount, String promotionCode, String reason) implements PurchaseEvent {

	public PurchaseDeclined {
		amount = Money.dollars(amount);
	}

}
