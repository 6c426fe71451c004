package io.carefin.testsupport;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.contracts.DomainEvent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every producing service promises about its outbox, as tests its integration test
 * inherits: an event published inside a committed transaction reaches its topic keyed by
 * its aggregate, under its logical type and without Java class names, and its publication
 * is then marked complete, and counted on {@code carefin.events.published}; an event
 * whose transaction rolled back is never stored, sent nor counted.
 */
public interface OutboxContract {

	/**
	 * A new event of a kind this service publishes, with a fresh event id.
	 */
	DomainEvent newEvent();

	@Test
	default void publishesAnEventCommittedWithItsTransactionKeyedByItsAggregate(
			@Autowired ApplicationEventPublisher events, @Autowired TransactionTemplate transactions,
			@Autowired JdbcClient jdbc) {
		DomainEvent event = newEvent();
		transactions.executeWithoutResult((status) -> events.publishEvent(event));

		ConsumerRecord<String, String> record = awaitRecord(event);
		assertThat(record.key()).isEqualTo(event.aggregateId());
		assertThat(record.value()).contains("\"type\":\"" + event.getClass().getSimpleName() + "\"");
		for (Header header : record.headers()) {
			assertThat(new String(header.value(), UTF_8)).as("header %s", header.key()).doesNotContain("io.carefin");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> publications(jdbc, event, true) == 1);
	}

	@Test
	default void neverPublishesAnEventWhoseTransactionRolledBack(@Autowired ApplicationEventPublisher events,
			@Autowired TransactionTemplate transactions, @Autowired JdbcClient jdbc) {
		DomainEvent rolledBack = newEvent();
		DomainEvent committed = newEvent();
		transactions.executeWithoutResult((status) -> {
			events.publishEvent(rolledBack);
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult((status) -> events.publishEvent(committed));

		awaitRecord(committed);
		assertThat(KafkaTestClient.readFor(rolledBack.topic(), Duration.ofSeconds(1)))
			.noneMatch((record) -> record.value().contains(rolledBack.eventId().toString()));
		assertThat(publications(jdbc, rolledBack, false)).isZero();
	}

	@Test
	default void countsAnEventOnceItsTransactionCommitsAndNeverWhenItRollsBack(
			@Autowired ApplicationEventPublisher events, @Autowired TransactionTemplate transactions,
			@Autowired MeterRegistry meters) {
		DomainEvent rolledBack = newEvent();
		DomainEvent committed = newEvent();
		double before = published(meters, committed);
		transactions.executeWithoutResult((status) -> {
			events.publishEvent(rolledBack);
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult((status) -> events.publishEvent(committed));

		assertThat(published(meters, committed)).isEqualTo(before + 1);
	}

	private static double published(MeterRegistry meters, DomainEvent event) {
		return meters.find("carefin.events.published")
			.tag("event", event.getClass().getSimpleName())
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static ConsumerRecord<String, String> awaitRecord(DomainEvent event) {
		return KafkaTestClient.awaitRecord(event.topic(),
				(record) -> record.value().contains(event.eventId().toString()), Duration.ofSeconds(20));
	}

	private static int publications(JdbcClient jdbc, DomainEvent event, boolean completedOnly) {
		return jdbc
			.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id"
					+ (completedOnly ? " AND completion_date IS NOT NULL" : ""))
			.param("id", "%" + event.eventId() + "%")
			.query(Integer.class)
			.single();
	}

}
