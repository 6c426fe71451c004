package io.carefin.notification.delivery;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.starter.messaging.Inbox;

/**
 * Queues the notice a practice user gets when their sign-in state changes, once per
 * event.
 */
@Component
class UserEventsListener {

	private final Inbox inbox;

	private final Deliveries deliveries;

	UserEventsListener(Inbox inbox, Deliveries deliveries) {
		this.inbox = inbox;
		this.deliveries = deliveries;
	}

	@KafkaListener(topics = UserEvent.TOPIC)
	@Transactional
	void on(UserEvent event) {
		switch (event) {
			case UserLocked locked -> this.inbox.receive(locked, () -> this.deliveries.queue(locked.eventId(),
					locked.permanent() ? "account-locked-permanently" : "account-locked", locked.userId()));
		}
	}

}
