package io.carefin.transaction.creditline;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.starter.messaging.Inbox;
import io.carefin.transaction.purchase.CollectedPayments;

/**
 * Frees open-to-buy on a patient's credit line when account-service posts a payment, each
 * payment once, and records a payment a practice posted to be deducted from its funding
 * at settlement. A payment for an account without a credit line here is an inconsistency
 * between the services, so it fails and ends on the dead-letter topic for ops to look at.
 */
@Component
class PaymentEventsListener {

	private final Inbox inbox;

	private final CreditLines creditLines;

	private final CollectedPayments collected;

	PaymentEventsListener(Inbox inbox, CreditLines creditLines, CollectedPayments collected) {
		this.inbox = inbox;
		this.creditLines = creditLines;
		this.collected = collected;
	}

	@KafkaListener(topics = PaymentEvent.TOPIC)
	@Transactional
	void on(PaymentEvent event) {
		switch (event) {
			case PaymentPosted payment -> this.inbox.receive(payment, () -> {
				if (!this.creditLines.freeOpenToBuy(payment.accountId(), payment.amount())) {
					throw new IllegalStateException("No credit line for the account of payment " + payment.paymentId());
				}
				this.collected.record(payment);
			});
		}
	}

}
