package io.carefin.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.auth.MaintenanceEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.RunningServer;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Within seconds of ops turning maintenance on (announced on {@code auth.maintenance}),
 * the gateway answers the API with 503, {@code Retry-After} and a problem carrying the
 * message and the end time, to practice users and anonymous callers alike and without
 * calling a service, while staff tokens, health and the portal's pages pass; once
 * maintenance is off, everything passes again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { TestIssuer.Initializer.class, EmbeddedKafka.Initializer.class })
@ExtendWith(RunningServer.class)
class MaintenanceIntegrationTests {

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

	private static final List<String> reached = new CopyOnWriteArrayList<>();

	private static final HttpServer services = StandInServices.start(MaintenanceIntegrationTests::answerOk);

	@DynamicPropertySource
	static void routeToTheStandIn(DynamicPropertyRegistry registry) {
		String uri = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : List.of("auth-service", "transaction-service", "account-service", "reporting-service",
				"notification-service", "portal")) {
			registry.add("carefin.gateway.services." + service, () -> uri);
		}
	}

	@AfterAll
	static void turnOffAndStopServices() {
		// the broker outlives this class: later test classes must not start in
		// maintenance
		announce(false, null, null);
		services.stop(0);
	}

	@Test
	void refusesTheApiToAllButStaffDuringMaintenanceAndLetsEverythingPassOnceItIsOff(RestTestClient http) {
		String practiceUser = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		String staff = TestIssuer.STAFF.staffMember("OPS_ADMIN");
		String message = "CareFin is down for an upgrade until 6 a.m. UTC.";
		Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		call(http, "/api/accounts/42", practiceUser).expectStatus().isOk();

		announce(true, message, until);

		await().atMost(WITHIN_SECONDS)
			.untilAsserted(() -> call(http, "/api/accounts/42", practiceUser).expectStatus().isEqualTo(503));
		reached.clear();
		for (String token : new String[] { practiceUser, null, "not-a-token",
				TestIssuer.ROGUE.staffMember("OPS_ADMIN") }) {
			for (String path : List.of("/api/accounts/42", "/api/auth/login", "/api/auth/admin/maintenance")) {
				assertRefusedForMaintenance(http, path, token, message, until);
			}
		}
		assertThat(reached).as("no service is called during maintenance").isEmpty();

		call(http, "/api/auth/admin/maintenance", staff).expectStatus().isOk();
		call(http, "/api/accounts/42", TestIssuer.STAFF.staffMember("SUPPORT")).expectStatus().isOk();
		call(http, "/actuator/health", null).expectStatus().isOk();
		call(http, "/dashboard", null).expectStatus().isOk();
		assertThat(reached).containsExactly("GET /api/auth/admin/maintenance", "GET /api/accounts/42",
				"GET /dashboard");

		announce(false, null, null);

		await().atMost(WITHIN_SECONDS)
			.untilAsserted(() -> call(http, "/api/accounts/42", practiceUser).expectStatus().isOk());
		call(http, "/api/auth/login", null).expectStatus().isOk();
	}

	@Test
	void maintenanceWhoseEndTimeHasPassedRefusesNothing(RestTestClient http) {
		String practiceUser = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		announce(true, "Down for an upgrade.", Instant.now().plus(Duration.ofHours(1)));
		await().atMost(WITHIN_SECONDS)
			.untilAsserted(() -> call(http, "/api/accounts/42", practiceUser).expectStatus().isEqualTo(503));

		announce(true, "Back in a few seconds.", Instant.now().plusSeconds(4));
		await().atMost(WITHIN_SECONDS)
			.untilAsserted(() -> call(http, "/api/accounts/42", practiceUser).expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("Back in a few seconds."));

		await().atMost(WITHIN_SECONDS)
			.untilAsserted(() -> call(http, "/api/accounts/42", practiceUser).expectStatus().isOk());
	}

	private static void assertRefusedForMaintenance(RestTestClient http, String path, String token, String message,
			Instant until) {
		call(http, path, token).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER,
					(seconds) -> assertThat(Long.parseLong(seconds))
						.isBetween(Duration.ofHours(2).minusMinutes(1).toSeconds(), Duration.ofHours(2).toSeconds()))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/maintenance")
			.jsonPath("$.title")
			.isEqualTo("CareFin is under maintenance")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.detail")
			.isEqualTo(message)
			.jsonPath("$.until")
			.isEqualTo(until.toString());
	}

	private static void announce(boolean on, String message, Instant until) {
		KafkaTestClient.send(MaintenanceEvent.TOPIC, MaintenanceEvent.KEY, """
				{"type":"MaintenanceChanged","eventId":"%s","occurredAt":"%s","on":%s,"message":%s,"until":%s}
				""".formatted(UUID.randomUUID(), Instant.now(), on, (message != null) ? "\"" + message + "\"" : "null",
				(until != null) ? "\"" + until + "\"" : "null"));
	}

	private static RestTestClient.ResponseSpec call(RestTestClient http, String path, String token) {
		return http.get().uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchange();
	}

	private static void answerOk(HttpExchange exchange) throws IOException {
		reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
		StandInServices.answer(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
	}

}
