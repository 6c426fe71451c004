package io.carefin.account;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.ServiceIntegrationTest;

import static org.awaitility.Awaitility.await;

/**
 * Event consumption: how many purchase events a second the service applies to the ledger
 * when a backlog waits, and the latency from a purchase event's commit (the broker's
 * acknowledgement) to the balance being visible in the database, at a moderate fixed
 * rate. Run on demand with {@code account-service/bench/event-consumption.sh}; it asserts
 * nothing about speed and prints its figures.
 */
@Tag("benchmark")
@ServiceIntegrationTest
class EventConsumptionBenchmark {

	private static final int ACCOUNTS = 120;

	private static final int BACKLOG = 12_000;

	private static final int RATE = 50;

	private static final Duration LATENCY_RUN = Duration.ofSeconds(20);

	@Autowired
	JdbcClient jdbc;

	@Test
	void purchaseEventsAppliedPerSecondAndCommitToVisibleLatency() throws Exception {
		UUID practice = UUID.randomUUID();
		List<AccountFixtures.Opened> accounts = new ArrayList<>();
		for (int i = 0; i < ACCOUNTS; i++) {
			accounts.add(AccountFixtures.open(this.jdbc, practice, "Bench", LocalDate.of(1980, 1, 1)));
		}
		try (KafkaProducer<String, String> producer = producer()) {
			List<String> lines = new ArrayList<>();
			backlog(producer, accounts, 1_000);
			for (int round = 1; round <= 2; round++) {
				double rate = backlog(producer, accounts, BACKLOG);
				lines.add("round %d: %d purchase events applied in order per account: %.0f events/s".formatted(round,
						BACKLOG, rate));
			}
			lines.add(latency(producer, accounts));
			String report = String.join(System.lineSeparator(), lines) + System.lineSeparator()
					+ "listener concurrency 3, 6 partitions, %d accounts; embedded Kafka and PostgreSQL in the same JVM"
						.formatted(ACCOUNTS);
			System.out.println(report);
			Files.writeString(Path.of("target", "event-consumption-benchmark.txt"), report, StandardCharsets.UTF_8);
		}
	}

	private double backlog(KafkaProducer<String, String> producer, List<AccountFixtures.Opened> accounts, int count)
			throws Exception {
		int before = applied();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			AccountFixtures.Opened account = accounts.get(i % accounts.size());
			producer.send(record(account));
		}
		producer.flush();
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> applied() - before >= count);
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private String latency(KafkaProducer<String, String> producer, List<AccountFixtures.Opened> accounts)
			throws Exception {
		Map<UUID, Long> committed = new ConcurrentHashMap<>();
		Map<UUID, Long> visible = new ConcurrentHashMap<>();
		int total = (int) (RATE * LATENCY_RUN.toSeconds());
		Thread watcher = Thread.ofPlatform().start(() -> {
			while (visible.size() < total && !Thread.currentThread().isInterrupted()) {
				List<UUID> pending = committed.keySet().stream().filter((id) -> !visible.containsKey(id)).toList();
				if (!pending.isEmpty()) {
					long now = System.nanoTime();
					this.jdbc.sql("SELECT source_event_id FROM ledger_entry WHERE source_event_id = ANY(:ids)")
						.param("ids", pending.toArray(UUID[]::new))
						.query(UUID.class)
						.list()
						.forEach((id) -> visible.putIfAbsent(id, now));
				}
				try {
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
		long next = System.nanoTime();
		for (int i = 0; i < total; i++) {
			while (System.nanoTime() < next) {
				Thread.onSpinWait();
			}
			next += interval;
			UUID eventId = UUID.randomUUID();
			AccountFixtures.Opened account = accounts.get(i % accounts.size());
			producer.send(record(eventId, account), (metadata, ex) -> committed.put(eventId, System.nanoTime()));
		}
		producer.flush();
		await().atMost(Duration.ofMinutes(2)).until(() -> visible.size() >= total);
		watcher.interrupt();
		List<Double> millis = committed.entrySet()
			.stream()
			.map((entry) -> (visible.get(entry.getKey()) - entry.getValue()) / 1e6)
			.sorted()
			.toList();
		return "latency at %d events/s for %d s, commit (broker ack) to balance visible: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (2 ms polling)"
			.formatted(RATE, LATENCY_RUN.toSeconds(), percentile(millis, 50), percentile(millis, 90),
					percentile(millis, 99), millis.getLast());
	}

	private static double percentile(List<Double> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

	private int applied() {
		return this.jdbc.sql("SELECT count(*) FROM ledger_entry WHERE kind = 'PURCHASE'").query(Integer.class).single();
	}

	private static ProducerRecord<String, String> record(AccountFixtures.Opened account) {
		return record(UUID.randomUUID(), account);
	}

	private static ProducerRecord<String, String> record(UUID eventId, AccountFixtures.Opened account) {
		return new ProducerRecord<>(PurchaseEvent.TOPIC, account.accountId().toString(),
				AccountFixtures.purchaseJson(eventId, UUID.randomUUID(), account.accountId(), account.practiceId(),
						"25.00", AccountFixtures.DEFERRED_12));
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.LINGER_MS_CONFIG,
				5));
	}

}
