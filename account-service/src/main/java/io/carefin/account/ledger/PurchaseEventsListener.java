package io.carefin.account.ledger;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.starter.messaging.Inbox;

/**
 * Posts transaction-service's purchases to the patients' ledgers, each event once.
 */
@Component
class PurchaseEventsListener {

	private final Inbox inbox;

	private final Ledger ledger;

	PurchaseEventsListener(Inbox inbox, Ledger ledger) {
		this.inbox = inbox;
		this.ledger = ledger;
	}

	@KafkaListener(topics = PurchaseEvent.TOPIC)
	@Transactional
	void on(PurchaseEvent event) {
		switch (event) {
			case PurchaseApproved approved -> this.inbox.receive(approved, () -> this.ledger.recordPurchase(approved));
			default -> {
			}
		}
	}

}
