package io.carefin.contracts.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.Money;

/**
 * A payment was applied to a patient's account, which frees that much open-to-buy.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the payment was posted
 * @param paymentId the payment
 * @param accountId the patient's financing account
 * @param accountLast4 the last four digits of the account number, for the receipt
 * @param amount the payment in US dollars, two decimals
 * @param practiceId the practice that posted it on the patient's behalf, or {@code null}
 * when support staff did
 */
public record PaymentPosted(UUID eventId, Instant occurredAt, UUID paymentId, UUID accountId, String accountLast4,
		BigDecimal amount, @Nullable UUID practiceId) implements PaymentEvent {

	public PaymentPosted {
		amount = Money.dollars(amount);
	}

	@Override
	public String aggregateId() {
		return this.accountId.toString();
	}

}
