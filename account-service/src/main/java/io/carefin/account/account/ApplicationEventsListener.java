package io.carefin.account.account;

import java.time.LocalDate;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.contracts.transaction.CreditLineEvent;
import io.carefin.contracts.transaction.CreditLineOpened;
import io.carefin.starter.messaging.Inbox;

/**
 * Lets the practice that submitted an approved application see the patient's account,
 * once per event; the account itself opens from {@link CreditLineOpened}, which may
 * arrive before or after the approval. An approval written before that event existed
 * carries the patient's date of birth and address and still opens the account itself.
 * Either way an account already open keeps its profile, ledger and balances.
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
			case ApplicationApproved approved -> this.inbox.receive(approved, () -> apply(approved));
			case ApplicationDeclined _, ApplicationPendingReview _ -> {
			}
		}
	}

	@KafkaListener(topics = CreditLineEvent.TOPIC)
	@Transactional
	void on(CreditLineEvent event) {
		switch (event) {
			case CreditLineOpened opened -> this.inbox.receive(opened, () -> this.accounts.open(opened));
		}
	}

	private void apply(ApplicationApproved approved) {
		LocalDate dateOfBirth = approved.dateOfBirth();
		Address address = approved.address();
		if (dateOfBirth != null && address != null) {
			this.accounts.openFromLegacyApproval(approved, dateOfBirth, address);
		}
		else {
			this.accounts.linkPractice(approved.accountId(), approved.practiceId(), approved.practiceName(),
					approved.occurredAt());
		}
	}

}
