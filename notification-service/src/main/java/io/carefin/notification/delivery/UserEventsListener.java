package io.carefin.notification.delivery;

import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.auth.PasswordChanged;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.contracts.auth.UserReactivated;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.UserUnlocked;
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
			case UserLocked locked ->
				queue(locked, locked.permanent() ? "account-locked-permanently" : "account-locked", locked.userId());
			case UserUnlocked unlocked -> queue(unlocked, "account-unlocked", unlocked.userId());
			case UserSuspended suspended -> queue(suspended, "account-suspended", suspended.userId());
			case UserReactivated reactivated -> queue(reactivated, "account-reactivated", reactivated.userId());
			case PasswordChanged changed -> queue(changed, "password-changed", changed.userId());
		}
	}

	private void queue(UserEvent event, String template, UUID userId) {
		this.inbox.receive(event, () -> this.deliveries.queue(event.eventId(), template, userId));
	}

}
