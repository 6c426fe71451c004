package io.carefin.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas sharing their budgets in a real Redis ({@code redis-server} from
 * the PATH, on a free port), falling back to their own memory when Redis goes away, and a
 * replica that starts while Redis is unreachable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIntegrationTests {

	private static Process redis;

	private static HttpServer services;

	private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	@BeforeAll
	static void startRedisTwoGatewaysAndAService() throws IOException {
		int redisPort = freePort();
		redis = startRedis(redisPort);
		services = StandInServices.start(SharedRateLimitIntegrationTests::answer);
		for (int i = 0; i < 2; i++) {
			gateways.add(startGateway("redis://127.0.0.1:" + redisPort));
		}
	}

	@AfterAll
	static void stopEverything() {
		gateways.forEach(ConfigurableApplicationContext::close);
		services.stop(0);
		redis.destroy();
	}

	@Test
	@Order(1)
	void spendsOneUsersBudgetAcrossBothReplicas() {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		for (int i = 0; i < 4; i++) {
			assertThat(status(gateways.get(i % 2), token)).isEqualTo(HttpStatus.OK);
		}

		assertThat(status(gateways.get(0), token)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(status(gateways.get(1), token)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(status(gateways.get(1), TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER")))
			.isEqualTo(HttpStatus.OK);
		assertThat(unavailableCount(gateways.get(0))).isZero();
	}

	@Test
	@Order(2)
	void keepsLimitingInItsOwnMemoryAndCountsItWhenRedisGoesAway() throws InterruptedException {
		redis.destroy();
		assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		ConfigurableApplicationContext gateway = gateways.get(0);

		for (int i = 0; i < 4; i++) {
			assertThat(status(gateway, token)).isEqualTo(HttpStatus.OK);
		}

		assertThat(status(gateway, token)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(unavailableCount(gateway)).isEqualTo(5);
	}

	@Test
	@Order(3)
	void startsWithoutRedisCountsInItsOwnMemoryAndSharesOnceRedisAnswers() throws IOException {
		int redisPort = freePort();
		ConfigurableApplicationContext gateway = startGateway("redis://127.0.0.1:" + redisPort);
		gateways.add(gateway);
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		for (int i = 0; i < 4; i++) {
			assertThat(status(gateway, token)).isEqualTo(HttpStatus.OK);
		}

		assertThat(status(gateway, token)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(unavailableCount(gateway)).isEqualTo(5);

		redis = startRedis(redisPort);
		await("the budgets shared in Redis").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				double before = unavailableCount(gateway);
				status(gateway, TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER"));
				return unavailableCount(gateway) == before;
			});
		double unavailable = unavailableCount(gateway);
		String counted = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		for (int i = 0; i < 4; i++) {
			assertThat(status(gateway, counted)).isEqualTo(HttpStatus.OK);
		}
		assertThat(status(gateway, counted)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(unavailableCount(gateway)).isEqualTo(unavailable);
	}

	private static HttpStatus status(ConfigurableApplicationContext gateway, String token) {
		return HttpStatus.valueOf(client(gateway).get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value());
	}

	private static double unavailableCount(ConfigurableApplicationContext gateway) {
		return gateway.getBean(MeterRegistry.class).counter("carefin.gateway.rate_limit.shared_unavailable").count();
	}

	private static RestTestClient client(ConfigurableApplicationContext gateway) {
		return RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"))
			.build();
	}

	private static ConfigurableApplicationContext startGateway(String redisUrl) {
		String service = "http://127.0.0.1:" + services.getAddress().getPort();
		List<String> properties = new ArrayList<>(
				List.of("server.port=0", "server.address=127.0.0.1", "carefin.security.issuers[0].kind=PROVIDER",
						"carefin.security.issuers[0].issuer-uri=" + TestIssuer.PROVIDER.issuerUri(),
						"carefin.security.issuers[0].jwk-set-uri=" + TestIssuer.PROVIDER.jwkSetUri(),
						"carefin.gateway.rate-limits.per-user.requests=4",
						"carefin.gateway.rate-limits.redis-url=" + redisUrl));
		for (String name : List.of("auth-service", "transaction-service", "account-service", "reporting-service",
				"notification-service")) {
			properties.add("carefin.gateway.services." + name + "=" + service);
		}
		return new SpringApplicationBuilder(GatewayApplication.class)
			.run(properties.stream().map((property) -> "--" + property).toArray(String[]::new));
	}

	private static Process startRedis(int port) throws IOException {
		Path directory = Files.createTempDirectory("carefin-redis");
		Process process;
		try {
			process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
					"--save", "", "--appendonly", "no", "--dir", directory.toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"These tests need redis-server on the PATH (Debian: apt-get install redis-server; .ci/run installs it)",
					ex);
		}
		await("redis-server on port " + port).atMost(Duration.ofSeconds(20))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				try (Socket socket = new Socket("127.0.0.1", port)) {
					socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
					byte[] answer = new byte[7];
					return socket.getInputStream().readNBytes(answer, 0, 7) == 7
							&& new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
				}
			});
		return process;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		StandInServices.answer(exchange, 200, "application/json", body);
	}

}
