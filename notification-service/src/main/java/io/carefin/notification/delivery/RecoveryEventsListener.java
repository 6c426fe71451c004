package io.carefin.notification.delivery;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.auth.PasswordResetRequested;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.contracts.auth.UserIdReminderRequested;
import io.carefin.contracts.auth.UserInvited;
import io.carefin.starter.messaging.Inbox;

/**
 * Queues the user-ID reminder or the password-reset link a practice user asked for, once
 * per event. The reset token is never stored or logged here.
 */
@Component
class RecoveryEventsListener {

	private final Inbox inbox;

	private final Deliveries deliveries;

	RecoveryEventsListener(Inbox inbox, Deliveries deliveries) {
		this.inbox = inbox;
		this.deliveries = deliveries;
	}

	@KafkaListener(topics = RecoveryEvent.TOPIC)
	@Transactional
	void on(RecoveryEvent event) {
		switch (event) {
			case UserIdReminderRequested reminder -> this.inbox.receive(reminder,
					() -> this.deliveries.queue(reminder.eventId(), "user-id-reminder", reminder.userId()));
			case PasswordResetRequested reset -> this.inbox.receive(reset,
					() -> this.deliveries.queue(reset.eventId(), "password-reset", reset.userId()));
			case UserInvited invited -> this.inbox.receive(invited,
					() -> this.deliveries.queue(invited.eventId(), "user-invitation", invited.userId()));
		}
	}

}
