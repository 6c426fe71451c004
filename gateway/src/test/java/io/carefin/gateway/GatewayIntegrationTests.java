package io.carefin.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.TestIssuer;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a stand-in for the five services: an HTTP server that records
 * what reaches it and answers like a service that found nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
class GatewayIntegrationTests implements TrustContract {

	private static final List<String> reached = new CopyOnWriteArrayList<>();

	private static final HttpServer services = startServices();

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

	@BeforeEach
	void forgetWhatReachedTheServices() {
		reached.clear();
	}

	@Override
	public String protectedPath() {
		return "/api/accounts/" + UUID.randomUUID();
	}

	@Test
	void relaysTheTokenToTheServiceThatOwnsThePath(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		for (String path : List.of("/api/auth/me", "/api/transactions/promotions", "/api/accounts/42",
				"/api/reports/summary", "/api/notifications/deliveries")) {
			http.get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
		}

		assertThat(reached).containsExactly("GET /api/auth/me Bearer " + token,
				"GET /api/transactions/promotions Bearer " + token, "GET /api/accounts/42 Bearer " + token,
				"GET /api/reports/summary Bearer " + token, "GET /api/notifications/deliveries Bearer " + token);
	}

	@Test
	void letsSignInThroughWithoutAToken(RestTestClient http) {
		http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"someone\",\"password\":\"secret\"}")
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(reached).containsExactly("POST /api/auth/login -");
	}

	@Test
	void keepsARefusedRequestFromEveryService(RestTestClient http) {
		http.get().uri("/api/reports/summary").exchange().expectStatus().isUnauthorized();

		assertThat(reached).isEmpty();
	}

	private static HttpServer startServices() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", GatewayIntegrationTests::answerNotFound);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answerNotFound(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
				+ ((authorization != null) ? authorization : "-"));
		byte[] body = "{\"type\":\"https://carefin.io/problems/not-found\",\"status\":404}"
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
		exchange.sendResponseHeaders(404, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
