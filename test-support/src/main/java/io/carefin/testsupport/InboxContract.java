package io.carefin.testsupport;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every consuming service promises about its inbox, as tests its integration test
 * inherits: an event delivered twice is applied once and the repeat is skipped quietly,
 * and a record it cannot read is parked on the topic's dead-letter topic instead of being
 * dropped or blocking the partition.
 */
public interface InboxContract {

	/**
	 * A topic this service consumes.
	 */
	String topic();

	/**
	 * The JSON of a valid event on {@link #topic()} with the given id, as its producer
	 * writes it.
	 */
	String eventJson(UUID eventId);

	/**
	 * How many times this service has applied the effect of the event with the given id.
	 */
	int timesApplied(UUID eventId);

	@Test
	default void appliesAnEventDeliveredTwiceOnce(@Autowired JdbcClient jdbc) {
		UUID twice = UUID.randomUUID();
		UUID after = UUID.randomUUID();
		String json = eventJson(twice);
		KafkaTestClient.send(topic(), "same-aggregate", json);
		KafkaTestClient.send(topic(), "same-aggregate", json);
		KafkaTestClient.send(topic(), "same-aggregate", eventJson(after));

		await().atMost(Duration.ofSeconds(30)).until(() -> processed(jdbc, after));
		assertThat(processed(jdbc, twice)).isTrue();
		assertThat(timesApplied(twice)).isOne();
		assertThat(timesApplied(after)).isOne();
		assertThat(KafkaTestClient.readFor(topic() + ".DLT", Duration.ofSeconds(1)))
			.as("the duplicate is skipped, not failed and parked")
			.noneMatch((record) -> record.value().contains(twice.toString()));
	}

	@Test
	default void skipsAnEventOfATypeAddedAfterItWasBuilt(@Autowired JdbcClient jdbc) {
		UUID unknown = UUID.randomUUID();
		UUID after = UUID.randomUUID();
		KafkaTestClient.send(topic(), "same-aggregate", "{\"type\":\"SomethingAddedLater\",\"eventId\":\"" + unknown
				+ "\",\"occurredAt\":\"2026-11-24T10:00:00Z\"}");
		KafkaTestClient.send(topic(), "same-aggregate", eventJson(after));

		await().atMost(Duration.ofSeconds(30)).until(() -> processed(jdbc, after));
		assertThat(processed(jdbc, unknown)).isFalse();
		assertThat(KafkaTestClient.readFor(topic() + ".DLT", Duration.ofSeconds(1)))
			.noneMatch((record) -> record.value().contains(unknown.toString()));
	}

	@Test
	default void parksARecordItCannotReadOnTheDeadLetterTopic() {
		String key = UUID.randomUUID().toString();
		KafkaTestClient.send(topic(), key, "this is not an event " + key);

		ConsumerRecord<String, String> parked = KafkaTestClient.awaitRecord(topic() + ".DLT",
				(record) -> key.equals(record.key()), Duration.ofSeconds(30));
		assertThat(parked.value()).contains("an event");
	}

	private static boolean processed(JdbcClient jdbc, UUID eventId) {
		return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single() == 1;
	}

}
