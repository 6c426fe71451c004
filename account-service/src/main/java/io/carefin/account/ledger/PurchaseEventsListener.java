package io.carefin.account.ledger;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseDeclined;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.contracts.transaction.PurchaseSettled;
import io.carefin.contracts.transaction.PurchaseVoided;
import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.starter.messaging.Inbox;

/**
 * Posts transaction-service's purchases, refunds and voids to the patients' ledgers, each
 * event once and, since the topic is keyed by account, in order per account.
 */
@Component
class PurchaseEventsListener {

	private final Inbox inbox;

	private final PurchaseLedger purchases;

	PurchaseEventsListener(Inbox inbox, PurchaseLedger purchases) {
		this.inbox = inbox;
		this.purchases = purchases;
	}

	@KafkaListener(topics = PurchaseEvent.TOPIC)
	@Transactional
	void on(PurchaseEvent event) {
		switch (event) {
			case PurchaseApproved approved -> this.inbox.receive(approved, () -> this.purchases.approved(approved));
			case RefundIssued refund -> this.inbox.receive(refund, () -> this.purchases.refunded(refund));
			case PurchaseVoided voided -> this.inbox.receive(voided, () -> this.purchases.voided(voided));
			case PurchaseDeclined _, PurchaseSettled _ -> {
				// nothing was charged, or the settlement only concerns the practice's
				// funding
			}
		}
	}

}
