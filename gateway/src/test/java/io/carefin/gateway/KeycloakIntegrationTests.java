package io.carefin.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.RunningServer;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway trusting a real Keycloak with the committed {@code carefin-staff} realm: a
 * demo staff member signs in there and passes through with the token Keycloak issued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(RunningServer.class)
class KeycloakIntegrationTests {

	private static final List<String> reached = new CopyOnWriteArrayList<>();

	private static final HttpServer services = StandInServices.start(KeycloakIntegrationTests::answerNotFound);

	@DynamicPropertySource
	static void trustTheRealmAndRouteToTheStandIn(DynamicPropertyRegistry registry) {
		LocalKeycloak keycloak = LocalKeycloak.start();
		registry.add("carefin.security.issuers[0].kind", () -> "PROVIDER");
		registry.add("carefin.security.issuers[0].issuer-uri", TestIssuer.PROVIDER::issuerUri);
		registry.add("carefin.security.issuers[0].jwk-set-uri", TestIssuer.PROVIDER::jwkSetUri);
		registry.add("carefin.security.issuers[1].kind", () -> "STAFF");
		registry.add("carefin.security.issuers[1].issuer-uri", () -> keycloak.issuerUri(LocalKeycloak.REALM));
		registry.add("carefin.security.issuers[1].jwk-set-uri", () -> keycloak.jwkSetUri(LocalKeycloak.REALM));
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

	@Test
	void letsADemoStaffMemberSignedInAtKeycloakThrough(RestTestClient http) {
		String token = LocalKeycloak.start()
			.accessToken(LocalKeycloak.REALM, "carefin-gateway", "carefin-gateway-dev-secret", "support.agent",
					"Support-Demo-2026!");

		http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(reached).containsExactly("GET /api/accounts/42 Bearer " + token);
		JsonNode claims = claims(token);
		assertThat(claims.get("iss").asString()).isEqualTo(LocalKeycloak.start().issuerUri(LocalKeycloak.REALM));
		assertThat(claims.get("aud").toString()).contains("\"carefin-api\"");
		assertThat(claims.get("realm_access").get("roles").toString()).contains("\"SUPPORT\"");
	}

	@Test
	void refusesATokenFromAnotherRealmOfTheSameKeycloak(RestTestClient http) {
		String token = LocalKeycloak.start().adminToken();

		http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/unauthorized");

		assertThat(reached).isEmpty();
	}

	@Test
	void locksAStaffMemberOutAfterFiveWrongPasswords() {
		LocalKeycloak keycloak = LocalKeycloak.start();
		assertThat(keycloak
			.signIn(LocalKeycloak.REALM, "carefin-gateway", "carefin-gateway-dev-secret", "auditor",
					"Auditor-Demo-2026!")
			.statusCode()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(keycloak
				.signIn(LocalKeycloak.REALM, "carefin-gateway", "carefin-gateway-dev-secret", "auditor",
						"not-the-password-" + i)
				.statusCode()).isNotEqualTo(200);
		}

		assertThat(keycloak
			.signIn(LocalKeycloak.REALM, "carefin-gateway", "carefin-gateway-dev-secret", "auditor",
					"Auditor-Demo-2026!")
			.statusCode()).isNotEqualTo(200);
	}

	private static JsonNode claims(String token) {
		return JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private static void answerNotFound(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
				+ ((authorization != null) ? authorization : "-"));
		byte[] body = "{\"type\":\"https://carefin.io/problems/not-found\",\"status\":404}"
			.getBytes(StandardCharsets.UTF_8);
		StandInServices.answer(exchange, 404, "application/problem+json", body);
	}

}
