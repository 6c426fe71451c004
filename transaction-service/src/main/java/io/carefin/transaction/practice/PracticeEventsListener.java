package io.carefin.transaction.practice;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.auth.PracticeChanged;
import io.carefin.contracts.auth.PracticeClosed;
import io.carefin.contracts.auth.PracticeEnrolled;
import io.carefin.contracts.auth.PracticeEvent;
import io.carefin.starter.messaging.Inbox;

/**
 * Keeps the practices auth-service enrols, changes and closes, each event once.
 */
@Component
class PracticeEventsListener {

	private final Inbox inbox;

	private final Practices practices;

	PracticeEventsListener(Inbox inbox, Practices practices) {
		this.inbox = inbox;
		this.practices = practices;
	}

	@KafkaListener(topics = PracticeEvent.TOPIC)
	@Transactional
	void on(PracticeEvent event) {
		this.inbox.receive(event, () -> {
			switch (event) {
				case PracticeEnrolled enrolled -> this.practices.save(enrolled.practiceId(), enrolled.name(),
						enrolled.practiceCode(), enrolled.merchantId(), enrolled.timeZone());
				case PracticeChanged changed -> this.practices.save(changed.practiceId(), changed.name(),
						changed.practiceCode(), changed.merchantId(), changed.timeZone());
				case PracticeClosed closed -> this.practices.close(closed.practiceId(), closed.occurredAt());
			}
		});
	}

}
