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
 * @param practiceName the practice's name, for the patient's receipt
 * @param accountId the patient's financing account
 * @param accountLast4 the last four digits of the account number
 * @param amount the purchase amount in US dollars, two decimals
 * @param plan the plan the purchase is financed on, with its terms at the time
 * @param authorizationCode the code the practice quotes for this purchase
 */
public record PurchaseApproved(UUID eventId, Instant occurredAt, UUID purchaseId, UUID practiceId, String practiceName,
		UUID accountId, String accountLast4, BigDecimal amount, PlanTerms plan,
		String authorizationCode) implements PurchaseEvent {

	public PurchaseApproved {
		amount = Money.dollars(amount);
	}

}
