package io.carefin.account.account;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.starter.messaging.Inbox;

/**
 * Opens a patient's account when transaction-service approves the application, once per
 * event. An approval on the account the patient already holds ({@code existingAccount},
 * another practice's application) opens nothing: it lets that practice see the account,
 * and leaves the account, its ledger and balances as they are.
 */
@Component
class ApplicationEventsListener {

	private final Inbox inbox;

	private final Accounts accounts;

	ApplicationEventsListener(Inbox inbox, Accounts accounts) {
		this.inbox = inbox;
		this.accounts = accounts;
	}

	@KafkaListener(topics = ApplicationEvent.TOPIC)
	@Transactional
	void on(ApplicationEvent event) {
		switch (event) {
			case ApplicationApproved approved -> this.inbox.receive(approved, () -> this.accounts.open(approved));
			case ApplicationDeclined _, ApplicationPendingReview _ -> {
			}
		}
	}

}
