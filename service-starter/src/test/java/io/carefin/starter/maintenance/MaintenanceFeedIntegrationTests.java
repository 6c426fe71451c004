package io.carefin.starter.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.auth.MaintenanceEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every replica follows {@code auth.maintenance} on a real broker: within seconds of a
 * change, and, when it starts after the change, from the topic's beginning; records it
 * cannot read are skipped.
 */
class MaintenanceFeedIntegrationTests {

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

	private final MaintenanceMode mode = new MaintenanceMode(Clock.systemUTC());

	private final MaintenanceMode restarted = new MaintenanceMode(Clock.systemUTC());

	private final MaintenanceFeed first = feed(this.mode);

	private final MaintenanceFeed second = feed(this.restarted);

	@AfterEach
	void stopFeeds() {
		this.first.stop();
		this.second.stop();
	}

	@Test
	void aRunningReplicaFollowsEachChangeAndALateOneStartsFromTheLatest() {
		MaintenanceMode mode = this.mode;
		MaintenanceMode restarted = this.restarted;
		this.first.start();

		Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		send(true, "\"Down for an upgrade.\"", until);
		await().atMost(WITHIN_SECONDS)
			.untilAsserted(() -> assertThat(mode.current()).contains(new Maintenance("Down for an upgrade.", until)));

		KafkaTestClient.send(MaintenanceEvent.TOPIC, MaintenanceEvent.KEY, "{\"type\":\"SomethingNew\"}");
		send(true, "\"Down for an upgrade, back soon.\"", until);
		await().atMost(WITHIN_SECONDS)
			.untilAsserted(() -> assertThat(mode.current().map(Maintenance::message))
				.contains("Down for an upgrade, back soon."));

		this.second.start();
		await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(restarted.current()).isEqualTo(mode.current()));

		send(false, "null", null);
		await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
			assertThat(mode.current()).isEmpty();
			assertThat(restarted.current()).isEmpty();
		});
	}

	private static void send(boolean on, String message, @Nullable Instant until) {
		KafkaTestClient.send(MaintenanceEvent.TOPIC, MaintenanceEvent.KEY, """
				{"type":"MaintenanceChanged","eventId":"%s","occurredAt":"%s","on":%s,"message":%s,"until":%s}
				""".formatted(UUID.randomUUID(), Instant.now(), on, message,
				(until != null) ? "\"" + until + "\"" : "null"));
	}

	private static MaintenanceFeed feed(MaintenanceMode mode) {
		return new MaintenanceFeed(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "never-used"),
				"maintenance-test-" + UUID.randomUUID(), mode, new MaintenanceProperties(true, Duration.ofMillis(200)),
				JsonMapper.builder().build());
	}

}
