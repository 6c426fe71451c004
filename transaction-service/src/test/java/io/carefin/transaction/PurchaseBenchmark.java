package io.carefin.transaction;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.testsupport.ServiceIntegrationTest;

/**
 * The purchase write path through the service's own port (HTTP, token check,
 * Idempotency-Key, plan and credit-line checks, the charge, the purchase, the outbox and
 * Kafka) against pgbench running the same SQL in the same transactions on the same
 * PostgreSQL, in the same run; then the service's latency at a fixed, moderate rate. Run
 * on demand with {@code transaction-service/bench/purchase.sh}; it asserts nothing about
 * speed and prints its figures.
 */
@Tag("benchmark")
@ServiceIntegrationTest
@Import(TransactionFixtures.class)
class PurchaseBenchmark {

	private static final int CLIENTS = setting("BENCH_CLIENTS", 8);

	private static final int ACCOUNTS = 1000;

	private static final Duration ROUND = Duration.ofSeconds(setting("BENCH_ROUND_SECONDS", 10));

	private static final int ROUNDS = 5;

	private static final int RATE = setting("BENCH_RATE", 100);

	private static final Duration WARM_UP = Duration.ofSeconds(setting("BENCH_WARMUP_SECONDS", 240));

	private static final Duration RATE_DURATION = Duration.ofSeconds(15);

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Value("${local.server.port}")
	int port;

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSourceProperties dataSource;

	@Test
	void purchaseThroughputAgainstPgbenchAndLatencyAtAFixedRate() throws Exception {
		UUID practice = this.fixtures.practice("DEFERRED_6");
		this.jdbc.sql("""
				INSERT INTO credit_line (account_id, practice_id, credit_limit, open_to_buy, status, account_last4)
				SELECT md5('bench-' || n)::uuid, :practice, 100000000.00, 100000000.00, 'ACTIVE', '1234'
				FROM generate_series(1, :accounts) AS n
				""").param("practice", practice).param("accounts", ACCOUNTS).update();
		List<UUID> accounts = this.jdbc.sql("SELECT md5('bench-' || n)::uuid FROM generate_series(1, :accounts) AS n")
			.param("accounts", ACCOUNTS)
			.query(UUID.class)
			.list();

		httpRate(practice, accounts, WARM_UP);
		pgbench(practice, List.of("-T", "5"));
		List<String> lines = new ArrayList<>();
		lines.add("round, pgbench tps, service purchases/s, ratio (%d clients each)".formatted(CLIENTS));
		List<Double> ratios = new ArrayList<>();
		for (int round = 1; round <= ROUNDS; round++) {
			double sql = pgbench(practice, List.of("-T", String.valueOf(ROUND.toSeconds()))).tps();
			double service = httpRate(practice, accounts, ROUND);
			ratios.add(service / sql);
			lines.add("%d, %.1f, %.1f, %.2f".formatted(round, sql, service, service / sql));
		}
		ratios.sort(Double::compare);
		lines.add("median ratio: %.2f (goal >= 0.50)".formatted(ratios.get(ROUNDS / 2)));
		Latencies fixed = httpFixedRate(practice, accounts);
		PgbenchResult sqlAtRate = pgbench(practice,
				List.of("-R", String.valueOf(RATE), "-T", String.valueOf(RATE_DURATION.toSeconds())));
		lines.add(("service at %d/s for %ds: %d sent, %d approved, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms "
				+ "(goal p99 <= 50 ms; measured from each request's scheduled start)")
			.formatted(RATE, RATE_DURATION.toSeconds(), fixed.sent(), fixed.approved(), fixed.percentile(50),
					fixed.percentile(90), fixed.percentile(99), fixed.percentile(100)));
		lines.add("pgbench at %d/s for %ds: latency average %.1f ms".formatted(RATE, RATE_DURATION.toSeconds(),
				sqlAtRate.latencyMillis()));
		String report = String.join(System.lineSeparator(), lines);
		System.out.println(report);
		Files.writeString(Path.of("target", "purchase-benchmark.txt"), report, StandardCharsets.UTF_8);
	}

	private double httpRate(UUID practice, List<UUID> accounts, Duration duration) throws Exception {
		String token = this.fixtures.clerk(practice);
		AtomicLong approved = new AtomicLong();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
			for (int i = 0; i < CLIENTS; i++) {
				clients.submit(() -> {
					while (System.nanoTime() < end) {
						if (purchase(token, accounts)) {
							approved.incrementAndGet();
						}
					}
					return null;
				});
			}
		}
		return approved.get() / ((System.nanoTime() - start) / 1e9);
	}

	private Latencies httpFixedRate(UUID practice, List<UUID> accounts) throws Exception {
		String token = this.fixtures.clerk(practice);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong approved = new AtomicLong();
		long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
		int total = (int) (RATE * RATE_DURATION.toSeconds());
		long start = System.nanoTime();
		try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < total; i++) {
				long scheduled = start + i * interval;
				LockSupport.parkNanos(scheduled - System.nanoTime());
				requests.submit(() -> {
					if (purchase(token, accounts)) {
						approved.incrementAndGet();
					}
					latencies.add(System.nanoTime() - scheduled);
					return null;
				});
			}
		}
		return new Latencies(total, approved.get(), latencies.stream().sorted().toList());
	}

	private boolean purchase(String token, List<UUID> accounts) throws IOException, InterruptedException {
		UUID account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/transactions/purchases"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(TransactionFixtures.purchase(account, "200.00", "DEFERRED_6")))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 201 && response.body().contains("\"APPROVED\"");
	}

	private PgbenchResult pgbench(UUID practice, List<String> options) throws Exception {
		URI url = URI.create(this.dataSource.getUrl().substring("jdbc:".length()));
		List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-h", url.getHost(), "-p",
				String.valueOf(url.getPort()), "-U", this.dataSource.getUsername(), "-c", String.valueOf(CLIENTS), "-j",
				"2", "-D", "practice=" + practice, "-D", "accounts=" + ACCOUNTS, "-f", "bench/purchase.sql"));
		command.addAll(options);
		command.add(url.getPath().substring(1));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(Map.of("PGPASSWORD", String.valueOf(this.dataSource.getPassword())));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pgbench failed: " + output);
		}
		return new PgbenchResult(number(TPS, output), number(LATENCY, output));
	}

	private static int setting(String variable, int otherwise) {
		String value = System.getenv(variable);
		return (value != null && !value.isBlank()) ? Integer.parseInt(value) : otherwise;
	}

	private static double number(Pattern pattern, String output) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected pgbench output: " + output);
		}
		return Double.parseDouble(matcher.group(1));
	}

	private record PgbenchResult(double tps, double latencyMillis) {
	}

	private record Latencies(int sent, long approved, List<Long> sortedNanos) {

		double percentile(int percent) {
			if (this.sortedNanos.isEmpty()) {
				return Double.NaN;
			}
			int index = Math.min(this.sortedNanos.size() - 1,
					(int) Math.ceil(percent / 100.0 * this.sortedNanos.size()) - 1);
			return this.sortedNanos.get(Math.max(index, 0)) / 1e6;
		}

	}

}
