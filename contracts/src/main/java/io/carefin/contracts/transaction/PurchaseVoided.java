package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A practice voided a purchase before it settled: what was left of it (the amount less
 * any refunds) goes back to the credit line and the purchase will never settle.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the purchase was voided
 * @param purchaseId the purchase
 * @param practiceId the practice that made the sale
 * @param practiceName the practice's name, for the patient's notice
 * @param accountId the patient's financing account
 * @param accountLast4 the last four digits of the account number
 * @param amount what the void reversed: the purchase less its refunds
 * @param promotionCode the purchase's plan
 */
public record PurchaseVoided(UUID eventId, Instant occurredAt, UUID purchaseId, UUID practiceId, String practiceName,
		UUID accountId, String accountLast4, BigDecimal amount, String promotionCode) implements PurchaseEvent {

	public PurchaseVoided {
		amount = Money.dollars(amount);
	}

}
