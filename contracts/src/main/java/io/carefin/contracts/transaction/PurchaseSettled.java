package io.carefin.contracts.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.carefin.contracts.Money;

/**
 * A purchase settled at the end of the practice's business day: it can no longer be
 * voided, and the practice is funded for it less the plan's merchant fee.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the settlement ran
 * @param purchaseId the purchase
 * @param practiceId the practice that made the sale
 * @param accountId the patient's financing account
 * @param promotionCode the purchase's plan
 * @param settlementDate the practice's business day that settled
 * @param amount the purchase amount
 * @param refunded what was refunded before settlement
 * @param merchantFee the plan's fee on what settled (amount less refunded)
 * @param netFunding what the practice is paid: amount − refunded − merchant fee
 */
public record PurchaseSettled(UUID eventId, Instant occurredAt, UUID purchaseId, UUID practiceId, UUID accountId,
		String promotionCode, LocalDate settlementDate, BigDecimal amount, BigDecimal refunded, BigDecimal merchantFee,
		BigDecimal netFunding) implements PurchaseEvent {

	public PurchaseSettled {
		amount = Money.dollars(amount);
		refunded = Money.dollars(refunded);
		merchantFee = Money.dollars(merchantFee);
		netFunding = Money.dollars(netFunding);
	}

}
