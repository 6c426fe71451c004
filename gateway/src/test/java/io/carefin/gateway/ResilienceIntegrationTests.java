package io.carefin.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.RunningServer;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of services that are down or hang: each route has its own circuit
 * breaker and time limit, so a failing service answers a fast 503 problem (a short page,
 * for a browser asking the portal) and the other routes keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"carefin.gateway.resilience.timeout=1500ms", "carefin.gateway.resilience.timeouts.transaction-service=500ms",
		"carefin.gateway.resilience.sliding-window-size=4", "carefin.gateway.resilience.minimum-number-of-calls=4",
		"carefin.gateway.resilience.wait-in-open-state=1m" })
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@ExtendWith(RunningServer.class)
class ResilienceIntegrationTests {

	private static final List<String> reached = new CopyOnWriteArrayList<>();

	private static final CountDownLatch released = new CountDownLatch(1);

	private static final HttpServer services = StandInServices.start(ResilienceIntegrationTests::answer);

	@Autowired
	private MeterRegistry meters;

	private final String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

	@DynamicPropertySource
	static void routeToTheStandIns(DynamicPropertyRegistry registry) {
		String up = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : List.of("auth-service", "transaction-service", "account-service", "reporting-service")) {
			registry.add("carefin.gateway.services." + service, () -> up);
		}
		registry.add("carefin.gateway.services.notification-service", () -> "http://127.0.0.1:" + closedPort());
		registry.add("carefin.gateway.services.portal", () -> "http://127.0.0.1:" + closedPort());
	}

	@AfterAll
	static void stopServices() {
		released.countDown();
		services.stop(0);
	}

	@BeforeEach
	void forgetWhatReachedTheServices() {
		reached.clear();
	}

	@Test
	void answersAFast503ProblemForAServiceThatIsDownAndKeepsTheOtherRoutes(RestTestClient http) {
		expectUnavailable(http, "/api/notifications/deliveries");

		http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(reached).containsExactly("/api/accounts/42");
	}

	@Test
	void answersA503ProblemWhenAServiceDoesNotAnswerWithinTheTimeLimit(RestTestClient http) {
		long started = System.nanoTime();
		expectUnavailable(http, "/api/reports/hang");
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		// the stand-in holds the request until the class ends; only the route's 1.5 s
		// limit
		// frees it
		assertThat(waited).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
		assertThat(reached).containsExactly("/api/reports/hang");
		http.get()
			.uri("/api/reports/summary")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void stopsCallingAServiceOnceItsCircuitOpensAndLeavesTheOtherRoutesAlone(RestTestClient http) {
		long started = System.nanoTime();
		for (int i = 0; i < 4; i++) {
			expectUnavailable(http, "/api/transactions/hang");
		}
		// this route's own, shorter limit: 500 ms
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4 * 1500));
		reached.clear();

		expectUnavailable(http, "/api/transactions/promotions");

		assertThat(reached).isEmpty();
		assertThat(this.meters.get("resilience4j.circuitbreaker.state")
			.tags("name", "transaction-service", "state", "open")
			.gauge()
			.value()).isEqualTo(1);
		http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(reached).containsExactly("/api/accounts/42");
	}

	@Test
	void answersABrowserAShortPageWhileThePortalIsDownAndOtherClientsTheProblem(RestTestClient http) {
		http.get()
			.uri("/dashboard")
			.header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody(String.class)
			.value((page) -> assertThat(page).startsWith("<!DOCTYPE html>")
				.contains("CareFin is briefly unavailable. Please try again in a minute."));

		http.get()
			.uri("/dashboard")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/service-unavailable");
		http.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private void expectUnavailable(RestTestClient http, String path) {
		http.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/service-unavailable")
			.jsonPath("$.status")
			.isEqualTo(503);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		reached.add(path);
		if (path.endsWith("/hang")) {
			try {
				released.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		StandInServices.answer(exchange, 200, "application/json", body);
	}

}
