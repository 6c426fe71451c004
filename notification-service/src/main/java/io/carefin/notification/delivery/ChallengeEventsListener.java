package io.carefin.notification.delivery;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.starter.messaging.Inbox;

/**
 * Queues the one-time sign-in code a practice user asked for, once per event. The code
 * itself is never stored or logged here.
 */
@Component
class ChallengeEventsListener {

	private final Inbox inbox;

	private final Deliveries deliveries;

	ChallengeEventsListener(Inbox inbox, Deliveries deliveries) {
		this.inbox = inbox;
		this.deliveries = deliveries;
	}

	@KafkaListener(topics = ChallengeEvent.TOPIC)
	@Transactional
	void on(ChallengeEvent event) {
		switch (event) {
			case CodeRequested code ->
				this.inbox.receive(code, () -> this.deliveries.queue(code.eventId(), "sign-in-code", code.userId()));
		}
	}

}
