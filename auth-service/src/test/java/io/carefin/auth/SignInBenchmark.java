package io.carefin.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in throughput through the service's own port, as a ratio of the rate of bare
 * Argon2id checks with the same parameters, the same number of threads, on the same
 * machine, in the same run. After a warm-up of sign-ins long enough for the JIT, rounds
 * of each alternate; each round also reports the CPU time per operation (the JVM's and
 * PostgreSQL's, less the client's own threads for sign-ins), which tells variants apart
 * even when other work shares the cores. Run on demand with
 * {@code auth-service/bench/sign-in.sh}; it asserts nothing about speed and prints its
 * figures.
 */
@Tag("benchmark")
@AuthServiceTest
@TestPropertySource(properties = { "carefin.auth.password.memory-kib=19456", "carefin.auth.password.iterations=2" })
class SignInBenchmark {

	private static final int THREADS = setting("BENCH_THREADS", 4);

	private static final Duration WARM_UP = Duration.ofSeconds(setting("BENCH_WARMUP_SECONDS", 180));

	private static final Duration WARM_UP_SLICE = Duration.ofSeconds(30);

	private static final Duration ROUND = Duration.ofSeconds(setting("BENCH_ROUND_SECONDS", 10));

	private static final int ROUNDS = setting("BENCH_ROUNDS", 5);

	private static final OperatingSystemMXBean SYSTEM = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

	@Value("${local.server.port}")
	int port;

	@Test
	void signInThroughputAgainstTheBareHashRate(@Autowired AuthFixtures fixtures, @Autowired JdbcClient jdbc)
			throws Exception {
		URL login = URI.create("http://127.0.0.1:" + this.port + "/api/auth/login").toURL();
		List<byte[]> bodies = IntStream.range(0, THREADS)
			.mapToObj((thread) -> AuthFixtures.login(fixtures.activeUser(), AuthFixtures.PASSWORD)
				.getBytes(StandardCharsets.UTF_8))
			.toList();
		Argon2PasswordEncoder bare = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		String hash = bare.encode(AuthFixtures.PASSWORD);
		Operation check = (thread) -> bare.matches(AuthFixtures.PASSWORD, hash);
		Operation signIn = (thread) -> signIn(login, bodies.get(thread));
		ProcessHandle postgres = ProcessHandle.of(jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single())
			.flatMap(ProcessHandle::parent)
			.orElseThrow();

		List<String> lines = new ArrayList<>();
		lines.add("%d threads for each; Argon2id m=19456 KiB t=2 p=1 for both; warm-up %d s of sign-ins; %d rounds of "
			.formatted(THREADS, WARM_UP.toSeconds(), ROUNDS)
				+ "%d s of each, alternating".formatted(ROUND.toSeconds()));
		lines.add("load average at the start: " + loadAverage());
		List<String> warmUpRates = new ArrayList<>();
		List<String> warmUpCpu = new ArrayList<>();
		for (long done = 0; done < WARM_UP.toSeconds(); done += WARM_UP_SLICE.toSeconds()) {
			Measurement slice = measure(signIn, WARM_UP_SLICE, postgres);
			warmUpRates.add("%.1f".formatted(slice.rate()));
			warmUpCpu.add("%.1f".formatted(slice.serviceCpuMillis()));
		}
		lines.add("warm-up, every %d s: sign-ins/s %s; CPU ms per sign-in %s".formatted(WARM_UP_SLICE.toSeconds(),
				String.join(" ", warmUpRates), String.join(" ", warmUpCpu)));
		measure(check, Duration.ofSeconds(3), postgres);
		lines
			.add("round  checks/s  sign-ins/s  ratio | CPU ms/check  CPU ms/sign-in (PostgreSQL)  client ms  CPU ratio "
					+ "| others' cores  load");
		List<Double> ratios = new ArrayList<>();
		List<Double> cpuRatios = new ArrayList<>();
		double busiest = 0;
		for (int round = 1; round <= ROUNDS; round++) {
			Measurement checks;
			Measurement signIns;
			if (round % 2 == 1) {
				checks = measure(check, ROUND, postgres);
				signIns = measure(signIn, ROUND, postgres);
			}
			else {
				signIns = measure(signIn, ROUND, postgres);
				checks = measure(check, ROUND, postgres);
			}
			double ratio = signIns.rate() / checks.rate();
			double cpuRatio = checks.processCpuMillis() / signIns.serviceCpuMillis();
			ratios.add(ratio);
			cpuRatios.add(cpuRatio);
			busiest = Math.max(busiest, Math.max(checks.otherCores(), signIns.otherCores()));
			lines.add("%5d  %8.1f  %10.1f  %5.2f | %12.1f  %14.1f (%4.1f)        %9.1f  %9.2f | %13.2f  %s".formatted(
					round, checks.rate(), signIns.rate(), ratio, checks.processCpuMillis(), signIns.serviceCpuMillis(),
					signIns.postgresCpuMillis(), signIns.clientCpuMillis(), cpuRatio,
					(checks.otherCores() + signIns.otherCores()) / 2, loadAverage().split(" ")[0]));
		}
		lines.add(
				"median ratio %.2f (goal >= 0.80); median CPU ratio %.2f".formatted(median(ratios), median(cpuRatios)));
		if (busiest > 0.2) {
			lines.add(("other processes used up to %.2f cores during the rounds: the rates are not the service's own; "
					+ "compare the CPU columns, or run again on a quiet machine")
				.formatted(busiest));
		}
		lines.add("""
				ratio: sign-ins/s / checks/s. CPU ms/sign-in: the JVM's (service, embedded Kafka) and PostgreSQL's CPU \
				time less the client threads', per sign-in. CPU ratio: CPU per check / CPU per sign-in, the ratio if \
				CPU alone limited both. others' cores: CPU the rest of the machine used meanwhile.""");
		String report = String.join(System.lineSeparator(), lines);
		System.out.println(report);
		Files.writeString(Path.of("target", "sign-in-benchmark.txt"), report, StandardCharsets.UTF_8);
	}

	/**
	 * Runs the operation on every thread for the given time and measures its rate and the
	 * CPU time it took.
	 */
	private static Measurement measure(Operation operation, Duration duration, ProcessHandle postgres)
			throws Exception {
		AtomicLong done = new AtomicLong();
		AtomicLong clientCpu = new AtomicLong();
		long processCpu = SYSTEM.getProcessCpuTime();
		long postgresCpu = cpuNanos(postgres);
		long machineBusy = machineBusyNanos();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		ExecutorService workers = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				int thread = i;
				running.add(workers.submit(() -> {
					long threadCpu = THREAD_CPU.getCurrentThreadCpuTime();
					while (System.nanoTime() < end) {
						if (!operation.run(thread)) {
							throw new IllegalStateException("The operation under measurement failed");
						}
						done.incrementAndGet();
					}
					clientCpu.addAndGet(THREAD_CPU.getCurrentThreadCpuTime() - threadCpu);
					return null;
				}));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		finally {
			workers.shutdown();
		}
		long elapsed = System.nanoTime() - start;
		long process = SYSTEM.getProcessCpuTime() - processCpu;
		long database = cpuNanos(postgres) - postgresCpu;
		long machine = machineBusyNanos() - machineBusy;
		return new Measurement(done.get(), elapsed, process, database, clientCpu.get(), machine);
	}

	private static boolean signIn(URL login, byte[] body) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) login.openConnection();
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setFixedLengthStreamingMode(body.length);
		connection.setRequestProperty("Content-Type", "application/json");
		try (OutputStream out = connection.getOutputStream()) {
			out.write(body);
		}
		int status = connection.getResponseCode();
		try (InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			return status == 200 && new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("AUTHENTICATED");
		}
	}

	/**
	 * CPU time of PostgreSQL's postmaster and the processes it runs (backends, writers).
	 */
	private static long cpuNanos(ProcessHandle postgres) {
		return postgres.children()
			.mapToLong((child) -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
			.sum() + postgres.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	/**
	 * CPU time all the machine's cores spent busy (user, nice, system, interrupts), from
	 * {@code /proc/stat}.
	 */
	private static long machineBusyNanos() throws IOException {
		String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
		long busy = 0;
		for (int i = 1; i < fields.length && i <= 7; i++) {
			if (i != 4 && i != 5) {
				busy += Long.parseLong(fields[i]);
			}
		}
		return busy * 10_000_000L;
	}

	private static String loadAverage() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static int setting(String variable, int otherwise) {
		String value = System.getenv(variable);
		return (value != null && !value.isBlank()) ? Integer.parseInt(value) : otherwise;
	}

	/**
	 * One operation under measurement, run by the numbered thread; answers whether it
	 * succeeded.
	 */
	private interface Operation {

		boolean run(int thread) throws Exception;

	}

	/**
	 * What one timed run of an operation did and cost.
	 */
	private record Measurement(long operations, long elapsedNanos, long processCpuNanos, long postgresCpuNanos,
			long clientCpuNanos, long machineBusyNanos) {

		double rate() {
			return this.operations / (this.elapsedNanos / 1e9);
		}

		double processCpuMillis() {
			return this.processCpuNanos / 1e6 / this.operations;
		}

		double serviceCpuMillis() {
			return (this.processCpuNanos + this.postgresCpuNanos - this.clientCpuNanos) / 1e6 / this.operations;
		}

		double postgresCpuMillis() {
			return this.postgresCpuNanos / 1e6 / this.operations;
		}

		double clientCpuMillis() {
			return this.clientCpuNanos / 1e6 / this.operations;
		}

		double otherCores() {
			return Math.max(0, this.machineBusyNanos - this.processCpuNanos - this.postgresCpuNanos)
					/ (double) this.elapsedNanos;
		}

	}

}
