package io.carefin.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
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
 * The gateway's budgets: per client address on sign-in and recovery, per user everywhere
 * else, each refusing with 429, {@code Retry-After} and a problem once spent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "carefin.gateway.rate-limits.per-user.requests=5",
				"carefin.gateway.rate-limits.per-client-address[0].name=login",
				"carefin.gateway.rate-limits.per-client-address[0].paths=/api/auth/login",
				"carefin.gateway.rate-limits.per-client-address[0].requests=3",
				"carefin.gateway.rate-limits.per-client-address[0].period=1m",
				"carefin.gateway.rate-limits.per-client-address[1].name=recovery",
				"carefin.gateway.rate-limits.per-client-address[1].paths=/api/auth/recovery/**",
				"carefin.gateway.rate-limits.per-client-address[1].requests=3",
				"carefin.gateway.rate-limits.per-client-address[1].period=1m",
				"carefin.gateway.rate-limits.trusted-proxies=10.0.0.0/8" })
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@ExtendWith(RunningServer.class)
class RateLimitIntegrationTests {

	private static final List<String> reached = new CopyOnWriteArrayList<>();

	private static final HttpServer services = StandInServices.start(RateLimitIntegrationTests::answer);

	@DynamicPropertySource
	static void routeToTheStandIn(DynamicPropertyRegistry registry) {
		String uri = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : List.of("auth-service", "transaction-service", "account-service", "reporting-service",
				"notification-service")) {
			registry.add("carefin.gateway.services." + service, () -> uri);
		}
	}

	@AfterAll
	static void stopServices() {
		services.stop(0);
	}

	@Test
	void refusesABurstOfSignInsFromOneAddressWithRetryAfter(RestTestClient http) {
		for (int i = 0; i < 3; i++) {
			signIn(http).expectStatus().isOk();
		}

		signIn(http).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/too-many-requests")
			.jsonPath("$.status")
			.isEqualTo(429);
		assertThat(reached.stream().filter("/api/auth/login"::equals)).hasSize(3);
	}

	@Test
	void countsASpoofedForwardedForAgainstThePeerItCameFrom(RestTestClient http) {
		for (int i = 0; i < 3; i++) {
			recover(http, "203.0.113." + i).expectStatus().isOk();
		}

		recover(http, "198.51.100.77").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		recover(http, "10.1.2.3, 198.51.100.78").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(reached.stream().filter("/api/auth/recovery/password"::equals)).hasSize(3);
	}

	@Test
	void refusesAUserOverBudgetAndLeavesAnotherUserAlone(RestTestClient http) {
		String busy = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		String other = TestIssuer.STAFF.staffMember("SUPPORT");
		for (int i = 0; i < 5; i++) {
			get(http, busy).expectStatus().isOk();
		}

		get(http, busy).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/too-many-requests");
		get(http, other).expectStatus().isOk();
		get(http, TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER")).expectStatus().isOk();
	}

	private static RestTestClient.ResponseSpec signIn(RestTestClient http) {
		return http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"someone\",\"password\":\"guess\"}")
			.exchange();
	}

	private static RestTestClient.ResponseSpec recover(RestTestClient http, String forwardedFor) {
		return http.post()
			.uri("/api/auth/recovery/password")
			.header("X-Forwarded-For", forwardedFor)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"someone\",\"email\":\"someone@example.com\"}")
			.exchange();
	}

	private static RestTestClient.ResponseSpec get(RestTestClient http, String token) {
		return http.get().uri("/api/accounts/42").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static void answer(HttpExchange exchange) throws IOException {
		reached.add(exchange.getRequestURI().getPath());
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		StandInServices.answer(exchange, 200, "application/json", body);
	}

}
