package io.carefin.notification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.carefin.contracts.DomainEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.ServiceIntegrationTest;

import static org.awaitility.Awaitility.await;

/**
 * Messages per second from event to SMTP accept against GreenMail, and the
 * event-to-accept latency of sign-in codes offered at a moderate, paced rate.
 */
@Tag("benchmark")
@ServiceIntegrationTest
@TestPropertySource(properties = { "carefin.notification.delivery.emails-per-hour=1000000",
		"carefin.notification.delivery.sms-per-hour=1000000", "logging.level.root=WARN" })
class DeliveryBenchmark {

	private static final int BURST = Integer.getInteger("bench.burst", 2000);

	private static final int CODES_PER_SECOND = Integer.getInteger("bench.rate", 20);

	private static final int CODE_SECONDS = Integer.getInteger("bench.seconds", 20);

	@Autowired
	JdbcClient jdbc;

	@Test
	void measuresThroughputAndCodeLatency() throws Exception {
		try (KafkaProducer<String, String> producer = producer()) {
			warmUp(producer);
			List<String> lines = new ArrayList<>();

			List<UUID> burst = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < BURST; i++) {
				burst.add(send(producer, NotificationFixtures.passwordChanged(NotificationFixtures.email())));
			}
			producer.flush();
			awaitSent(burst, Duration.ofMinutes(5));
			double seconds = (System.nanoTime() - start) / 1e9;
			lines.add("burst: %d password-changed e-mails, event to SMTP accept in %.1f s: %.0f messages/s"
				.formatted(BURST, seconds, BURST / seconds));

			List<UUID> codes = new ArrayList<>();
			long interval = 1_000_000_000L / CODES_PER_SECOND;
			long next = System.nanoTime();
			for (int i = 0; i < CODES_PER_SECOND * CODE_SECONDS; i++) {
				while (System.nanoTime() < next) {
					Thread.onSpinWait();
				}
				next += interval;
				String channel = (i % 2 == 0) ? "SMS" : "EMAIL";
				String destination = (i % 2 == 0) ? NotificationFixtures.phone() : NotificationFixtures.email();
				codes.add(send(producer, NotificationFixtures.code(channel, destination, NotificationFixtures.code())));
			}
			awaitSent(codes, Duration.ofMinutes(2));
			List<Long> latencies = this.jdbc.sql("""
					SELECT (EXTRACT(EPOCH FROM (sent_at - event_occurred_at)) * 1000)::bigint FROM delivery
					WHERE template = 'sign-in-code' AND source_event_id IN (:ids) ORDER BY 1
					""").param("ids", codes).query(Long.class).list();
			lines.add(
					"codes: %d sign-in codes (half SMS, half e-mail) at %d/s: event to accept p50 %d ms, p99 %d ms, max %d ms (goal p99 <= 1000 ms)"
						.formatted(latencies.size(), CODES_PER_SECOND, percentile(latencies, 0.50),
								percentile(latencies, 0.99), latencies.getLast()));
			String report = String.join(System.lineSeparator(), lines);
			System.out.println(report);
			Files.writeString(Path.of("target", "deliveries-benchmark.txt"), report, StandardCharsets.UTF_8);
		}
	}

	private void warmUp(KafkaProducer<String, String> producer) {
		List<UUID> warmUp = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			warmUp.add(send(producer, NotificationFixtures.passwordChanged(NotificationFixtures.email())));
			warmUp.add(send(producer,
					NotificationFixtures.code("SMS", NotificationFixtures.phone(), NotificationFixtures.code())));
		}
		producer.flush();
		awaitSent(warmUp, Duration.ofMinutes(2));
	}

	private static UUID send(KafkaProducer<String, String> producer, DomainEvent event) {
		producer.send(new ProducerRecord<>(event.topic(), event.aggregateId(), NotificationFixtures.json(event)));
		return event.eventId();
	}

	private void awaitSent(List<UUID> events, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM delivery WHERE status = 'SENT' AND source_event_id IN (:ids)")
				.param("ids", events)
				.query(Integer.class)
				.single() == events.size());
	}

	private static long percentile(List<Long> sorted, double quantile) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.LINGER_MS_CONFIG,
				0));
	}

}
