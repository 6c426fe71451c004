package io.carefin.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With 1,000,000 purchase events loaded, the summary for a one-year range against the
 * same figures by GROUP BY over a raw events table in the same run, and the consumer's
 * rate. Run on demand with {@code reporting-service/bench/summary.sh}; it prints its
 * figures and asserts only that both ways give the same figures.
 */
@Tag("benchmark")
@ServiceIntegrationTest
class ReportingBenchmark {

	private static final int EVENTS = 1_000_000;

	private static final int PRACTICES = 10;

	private static final int SAMPLES = 1000;

	private static final int BLOCK = 50;

	private static final int CONSUMED = 30_000;

	private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("carefin.bench.warmup-seconds", 60));

	private static final String FROM = "2025-03-01";

	private static final String TO = "2026-02-28";

	private static final String RAW_GROUP_BY = """
			SELECT plan_code,
			       count(*) FILTER (WHERE type = 'PurchaseApproved') AS purchases,
			       coalesce(sum(amount) FILTER (WHERE type = 'PurchaseApproved'), 0) AS volume,
			       count(*) FILTER (WHERE type = 'RefundIssued') AS refunds,
			       coalesce(sum(amount) FILTER (WHERE type = 'RefundIssued'), 0) AS refund_amount,
			       count(*) FILTER (WHERE type = 'PurchaseVoided') AS voids,
			       coalesce(sum(amount) FILTER (WHERE type = 'PurchaseVoided'), 0) AS void_amount
			FROM bench_purchase_event
			WHERE practice_id = :practiceId AND business_day BETWEEN CAST(:from AS date) AND CAST(:to AS date)
			GROUP BY plan_code ORDER BY plan_code
			""";

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Value("${spring.kafka.listener.concurrency:1}")
	String concurrency;

	@Test
	void summaryAgainstGroupByOverRawEventsAndConsumerRate(RestTestClient http,
			@Autowired KafkaListenerEndpointRegistry listeners) throws Exception {
		List<String> lines = new ArrayList<>();
		long loadStart = System.nanoTime();
		load();
		lines.add("loaded %,d raw purchase events for %d practices over 730 days in %.1f s (read model: %,d rows)"
			.formatted(EVENTS, PRACTICES, (System.nanoTime() - loadStart) / 1e9,
					this.jdbc.sql("SELECT count(*) FROM daily_sales").query(Long.class).single()));

		Random random = new Random(7);
		List<UUID> practices = this.jdbc.sql("SELECT DISTINCT practice_id FROM bench_purchase_event")
			.query(UUID.class)
			.list();
		Map<UUID, String> tokens = new java.util.HashMap<>();
		practices.forEach((practice) -> tokens.put(practice, ReportsIntegrationTests.practiceToken(practice)));
		for (UUID practice : practices) {
			assertThat(summaryPlans(http, practice, tokens.get(practice))).as("the summary and the GROUP BY agree")
				.isEqualTo(rawPlans(practice));
		}
		URI base = URI.create("http://127.0.0.1:" + this.port);
		URI summaryUri = base.resolve("/api/reports/summary?from=" + FROM + "&to=" + TO);
		URI livenessUri = base.resolve("/actuator/health/liveness");
		LongSupplier summary = () -> {
			String token = tokens.get(practices.get(random.nextInt(practices.size())));
			return timed(() -> get(summaryUri, token));
		};
		LongSupplier readModelSql = () -> timed(() -> readModelPlans(practices.get(random.nextInt(practices.size()))));
		LongSupplier raw = () -> timed(() -> rawPlans(practices.get(random.nextInt(practices.size()))));
		LongSupplier liveness = () -> timed(() -> get(livenessUri, null));
		// the HTTP path needs many thousands of calls before the JIT has compiled it:
		// warm
		// it up for WARMUP, then each query a hundred times
		long warmupEnd = System.nanoTime() + WARMUP.toNanos();
		int warmupCalls = 0;
		while (System.nanoTime() < warmupEnd) {
			summary.getAsLong();
			readModelSql.getAsLong();
			liveness.getAsLong();
			warmupCalls++;
		}
		lines.add("warm-up: %,d summary, read-model and liveness calls in %d s, then 100 of each query"
			.formatted(warmupCalls, WARMUP.toSeconds()));
		for (int i = 0; i < 100; i++) {
			summary.getAsLong();
			readModelSql.getAsLong();
			raw.getAsLong();
			liveness.getAsLong();
		}
		// a compilation holds a core for up to tens of milliseconds, and a call woken on
		// that core waits for it (docs/benchmarks.md): how much of it fell among the
		// timed calls
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long compiledBefore = jit.getTotalCompilationTime();
		long timedStart = System.nanoTime();
		// blocks of BLOCK calls of one query take turns: every query meets the same
		// drifts of a shared machine, and none is timed in the wake of another (a GROUP
		// BY over 50,000 rows fills the caches with its own pages and keeps the cores
		// busy with its aftermath)
		long[] summaries = new long[SAMPLES];
		long[] readModels = new long[SAMPLES];
		long[] raws = new long[SAMPLES];
		long[] livenesses = new long[SAMPLES];
		for (int block = 0; block < SAMPLES; block += BLOCK) {
			sample(summaries, block, summary);
			sample(readModels, block, readModelSql);
			sample(raws, block, raw);
			sample(livenesses, block, liveness);
		}
		lines.add("timed calls: %.0f s, of which the JIT compiled for %,d ms"
			.formatted((System.nanoTime() - timedStart) / 1e9, jit.getTotalCompilationTime() - compiledBefore));
		lines.add("one-year range %s..%s, %d samples each, in blocks of %d taking turns; ms p50 / p99".formatted(FROM,
				TO, SAMPLES, BLOCK));
		lines.add("GET /api/reports/summary (HTTP, token, JSON): %.2f / %.2f".formatted(p(summaries, 50),
				p(summaries, 99)));
		lines.add("floor: GET /actuator/health/liveness (HTTP, no token): %.2f / %.2f".formatted(p(livenesses, 50),
				p(livenesses, 99)));
		lines.add("read-model SQL alone: %.2f / %.2f".formatted(p(readModels, 50), p(readModels, 99)));
		lines.add("GROUP BY over raw events: %.2f / %.2f".formatted(p(raws, 50), p(raws, 99)));
		lines.add(("p99 ratio summary endpoint / raw GROUP BY: %.3f (goal <= 0.05); read-model SQL / raw: %.3f; "
				+ "liveness floor / raw: %.3f")
			.formatted(p(summaries, 99) / p(raws, 99), p(readModels, 99) / p(raws, 99),
					p(livenesses, 99) / p(raws, 99)));
		lines.add("the 1 %% slowest summary calls, block@place in the block: ms: %s".formatted(slowest(summaries)));
		lines.add("the 1 %% slowest liveness calls: %s".formatted(slowest(livenesses)));

		lines.add(consumerRate(listeners));
		String report = String.join(System.lineSeparator(), lines);
		System.out.println(report);
		Files.writeString(Path.of("target", "reporting-benchmark.txt"), report, StandardCharsets.UTF_8);
	}

	private void load() {
		this.jdbc.sql("""
				CREATE TABLE bench_purchase_event (
				    practice_id  UUID           NOT NULL,
				    business_day DATE           NOT NULL,
				    plan_code    TEXT           NOT NULL,
				    type         TEXT           NOT NULL,
				    amount       NUMERIC(16, 2) NOT NULL
				)""").update();
		this.jdbc.sql("""
				INSERT INTO bench_purchase_event
				SELECT CAST('00000000-0000-4000-8000-' || lpad(CAST(i % :practices AS text), 12, '0') AS uuid),
				       DATE '2025-01-01' + CAST(floor(random() * 730) AS int),
				       (ARRAY['DEFERRED_6', 'DEFERRED_12', 'DEFERRED_18', 'DEFERRED_24',
				              'FIXED_24', 'FIXED_36', 'FIXED_48', 'FIXED_60'])[1 + CAST(floor(random() * 8) AS int)],
				       CASE WHEN (i / 10) % 20 < 16 THEN 'PurchaseApproved' WHEN (i / 10) % 20 < 18 THEN 'RefundIssued'
				            WHEN (i / 10) % 20 = 18 THEN 'PurchaseVoided' ELSE 'PurchaseSettled' END,
				       CAST(((i * 7907) % 500000 + 20000) AS numeric) / 100
				FROM generate_series(CAST(1 AS bigint), :events) AS i
				""").param("practices", PRACTICES).param("events", EVENTS).update();
		this.jdbc
			.sql("CREATE INDEX bench_purchase_event_practice_day ON bench_purchase_event (practice_id, business_day)")
			.update();
		// the read model as the listener builds it, one row per practice, day and plan
		this.jdbc.sql("""
				INSERT INTO daily_sales (practice_id, business_day, plan_code, purchases, purchase_volume, refunds,
				                         refund_amount, voids, void_amount)
				SELECT practice_id, business_day, plan_code,
				       count(*) FILTER (WHERE type = 'PurchaseApproved'),
				       coalesce(sum(amount) FILTER (WHERE type = 'PurchaseApproved'), 0),
				       count(*) FILTER (WHERE type = 'RefundIssued'),
				       coalesce(sum(amount) FILTER (WHERE type = 'RefundIssued'), 0),
				       count(*) FILTER (WHERE type = 'PurchaseVoided'),
				       coalesce(sum(amount) FILTER (WHERE type = 'PurchaseVoided'), 0)
				FROM bench_purchase_event GROUP BY practice_id, business_day, plan_code
				""").update();
		this.jdbc.sql("""
				INSERT INTO monthly_sales (practice_id, month, plan_code, purchases, purchase_volume, refunds,
				                           refund_amount, voids, void_amount)
				SELECT practice_id, CAST(date_trunc('month', business_day) AS date), plan_code, sum(purchases),
				       sum(purchase_volume), sum(refunds), sum(refund_amount), sum(voids), sum(void_amount)
				FROM daily_sales GROUP BY 1, 2, 3
				""").update();
		this.jdbc.sql("VACUUM ANALYZE bench_purchase_event").update();
		this.jdbc.sql("VACUUM ANALYZE monthly_sales").update();
		this.jdbc.sql("VACUUM ANALYZE daily_sales").update();
	}

	private String summaryPlans(RestTestClient http, UUID practice, String token) {
		String body = http.get()
			.uri("/api/reports/summary?from=" + FROM + "&to=" + TO)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		var json = ReportingFixtures.JSON.readTree(body);
		StringBuilder plans = new StringBuilder();
		for (var plan : json.at("/byPlan")) {
			plans.append(plan.at("/plan").asString())
				.append(':')
				.append(plan.at("/purchases").asString())
				.append(':')
				.append(new java.math.BigDecimal(plan.at("/volume").asString()).setScale(2))
				.append(';');
		}
		return plans + "refunds=" + json.at("/refunds/count").asString() + "/"
				+ new java.math.BigDecimal(json.at("/refunds/amount").asString()).setScale(2);
	}

	private String rawPlans(UUID practice) {
		return plans(this.jdbc.sql(RAW_GROUP_BY), practice);
	}

	private String readModelPlans(UUID practice) {
		// the range is whole months, so the summary reads the monthly rollup only
		return plans(this.jdbc.sql("""
				SELECT plan_code, sum(purchases), sum(purchase_volume), sum(refunds), sum(refund_amount)
				FROM monthly_sales
				WHERE practice_id = :practiceId AND month BETWEEN CAST(:from AS date) AND CAST(:to AS date)
				GROUP BY plan_code ORDER BY plan_code
				"""), practice);
	}

	private static String plans(JdbcClient.StatementSpec sql, UUID practice) {
		List<Object[]> rows = sql.param("practiceId", practice)
			.param("from", FROM)
			.param("to", TO)
			.query((rs,
					row) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4),
							rs.getBigDecimal(5) })
			.list();
		StringBuilder plans = new StringBuilder();
		long refunds = 0;
		java.math.BigDecimal refundAmount = java.math.BigDecimal.ZERO;
		for (Object[] row : rows) {
			if ((long) row[1] > 0) {
				plans.append(row[0])
					.append(':')
					.append(row[1])
					.append(':')
					.append(((java.math.BigDecimal) row[2]).setScale(2))
					.append(';');
			}
			refunds += (long) row[3];
			refundAmount = refundAmount.add((java.math.BigDecimal) row[4]);
		}
		return plans + "refunds=" + refunds + "/" + refundAmount.setScale(2);
	}

	private String consumerRate(KafkaListenerEndpointRegistry listeners) {
		listeners.stop();
		UUID practice = UUID.randomUUID();
		ReportingFixtures fixtures = new ReportingFixtures(practice);
		List<UUID> accounts = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			accounts.add(UUID.randomUUID());
		}
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.LINGER_MS_CONFIG,
				20);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < CONSUMED; i++) {
				UUID account = accounts.get(i % accounts.size());
				var event = fixtures.purchase(UUID.randomUUID(), account,
						Instant.parse("2026-01-01T15:00:00Z").plusSeconds(i * 60L).toString(), (100 + i % 900) + ".00",
						"DEFERRED_12");
				producer
					.send(new ProducerRecord<>(PurchaseEvent.TOPIC, account.toString(), ReportingFixtures.json(event)));
			}
			producer.flush();
		}
		long before = this.jdbc.sql("SELECT count(*) FROM processed_event").query(Long.class).single();
		long start = System.nanoTime();
		listeners.start();
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM processed_event").query(Long.class).single()
					- before >= CONSUMED);
		double seconds = (System.nanoTime() - start) / 1e9;
		long applied = this.jdbc.sql("SELECT coalesce(sum(purchases), 0) FROM daily_sales WHERE practice_id = :p")
			.param("p", practice)
			.query(Long.class)
			.single();
		assertThat(applied).isEqualTo(CONSUMED);
		return "consumer: %,d PurchaseApproved events waiting on 6 partitions applied in %.1f s = %.0f events/s (%s listener threads per topic)"
			.formatted(CONSUMED, seconds, CONSUMED / seconds, this.concurrency);
	}

	/**
	 * One GET on a kept-alive connection, as a dashboard's client makes it: the status
	 * checked and the whole body read, on the calling thread (the JDK's blocking client;
	 * its asynchronous {@code HttpClient} hands every exchange to a selector thread and
	 * back).
	 */
	private static void get(URI uri, @Nullable String token) {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			if (token != null) {
				connection.setRequestProperty("Authorization", "Bearer " + token);
			}
			assertThat(connection.getResponseCode()).as(uri.getPath()).isEqualTo(200);
			try (InputStream body = connection.getInputStream()) {
				body.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sample(long[] samples, int from, LongSupplier call) {
		for (int i = from; i < from + BLOCK; i++) {
			samples[i] = call.getAsLong();
		}
	}

	private static long timed(Runnable call) {
		long start = System.nanoTime();
		call.run();
		return System.nanoTime() - start;
	}

	/**
	 * Where the slowest hundredth of the samples fell, so that a tail made by the switch
	 * from one block to the next (place 0) tells itself apart from one spread over the
	 * blocks.
	 */
	private static String slowest(long[] nanos) {
		return IntStream.range(0, nanos.length)
			.boxed()
			.sorted(Comparator.comparingLong((Integer sample) -> nanos[sample]).reversed())
			.limit(nanos.length / 100)
			.map((sample) -> "%d@%d: %.2f".formatted(sample / BLOCK, sample % BLOCK, nanos[sample] / 1e6))
			.collect(Collectors.joining(", "));
	}

	private static double p(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
