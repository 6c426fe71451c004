package io.carefin.auth;

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
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Sign-in throughput through the service's own port, as a ratio of the rate of bare
 * Argon2id checks with the same parameters on the same machine in the same run. Run on
 * demand with {@code auth-service/bench/sign-in.sh}; it asserts nothing about speed and
 * prints its figures.
 */
@Tag("benchmark")
@AuthServiceTest
@TestPropertySource(properties = { "carefin.auth.password.memory-kib=19456", "carefin.auth.password.iterations=2" })
class SignInBenchmark {

	private static final int THREADS = 2;

	private static final Duration ROUND = Duration.ofSeconds(8);

	private static final int ROUNDS = 3;

	@Test
	void signInThroughputAgainstTheBareHashRate(RestTestClient http, @Autowired AuthFixtures fixtures)
			throws Exception {
		String userId = fixtures.activeUser();
		Argon2PasswordEncoder bare = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		String hash = bare.encode(AuthFixtures.PASSWORD);
		String body = AuthFixtures.login(userId, AuthFixtures.PASSWORD);
		BooleanSupplier signIn = () -> http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.returnResult()
			.getStatus()
			.is2xxSuccessful();
		BooleanSupplier check = () -> bare.matches(AuthFixtures.PASSWORD, hash);

		rate(check, Duration.ofSeconds(3));
		rate(signIn, Duration.ofSeconds(3));
		List<String> lines = new ArrayList<>();
		lines.add("round, bare Argon2id checks/s, sign-ins/s, ratio");
		List<Double> ratios = new ArrayList<>();
		for (int round = 1; round <= ROUNDS; round++) {
			double checks = rate(check, ROUND);
			double signIns = rate(signIn, ROUND);
			ratios.add(signIns / checks);
			lines.add("%d, %.1f, %.1f, %.2f".formatted(round, checks, signIns, signIns / checks));
		}
		ratios.sort(Double::compare);
		lines.add("median ratio: %.2f (goal >= 0.80); %d threads, Argon2id m=19456 KiB t=2 p=1"
			.formatted(ratios.get(ROUNDS / 2), THREADS));
		String report = String.join(System.lineSeparator(), lines);
		System.out.println(report);
		Files.writeString(Path.of("target", "sign-in-benchmark.txt"), report, StandardCharsets.UTF_8);
	}

	private static double rate(BooleanSupplier operation, Duration duration) throws Exception {
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		ExecutorService workers = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				running.add(workers.submit(() -> {
					while (System.nanoTime() < end) {
						if (!operation.getAsBoolean()) {
							throw new IllegalStateException("The operation under measurement failed");
						}
						done.incrementAndGet();
					}
				}));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		finally {
			workers.shutdown();
		}
		return done.get() / (duration.toNanos() / 1e9);
	}

}
