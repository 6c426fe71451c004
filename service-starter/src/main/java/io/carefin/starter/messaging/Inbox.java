package io.carefin.starter.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.DomainEvent;

/**
 * Applies each incoming event at most once per service: the event id is recorded in the
 * {@code processed_event} table in the caller's transaction, so the record and the effect
 * commit or roll back together, and a redelivered event finds its id already there.
 */
public class Inbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	public Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Runs the effect of the event unless this service has applied the event before.
	 * @param event the incoming event
	 * @param effect what applying it changes, in the current transaction
	 * @return whether the effect ran
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean receive(DomainEvent event, Runnable effect) {
		int recorded = this.jdbc.sql("""
				INSERT INTO processed_event (event_id, topic, processed_at) VALUES (:eventId, :topic, :processedAt)
				ON CONFLICT (event_id) DO NOTHING
				""")
			.param("eventId", event.eventId())
			.param("topic", event.topic())
			.param("processedAt", OffsetDateTime.ofInstant(Instant.now(this.clock), ZoneOffset.UTC))
			.update();
		if (recorded == 0) {
			return false;
		}
		effect.run();
		return true;
	}

}
