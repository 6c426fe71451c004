package io.carefin.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.TestIssuer;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The gateway in front of a stand-in for the five services and the portal: an HTTP server
 * that records what reaches it and answers like a service that found nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@ExtendWith(OutputCaptureExtension.class)
class GatewayIntegrationTests implements TrustContract {

	private static final String PORTAL = "https://portal.carefin.test";

	private static final List<String> reached = new CopyOnWriteArrayList<>();

	private static final List<String> requestIds = new CopyOnWriteArrayList<>();

	private static final List<String> clientAddresses = new CopyOnWriteArrayList<>();

	private static final List<String> forwarded = new CopyOnWriteArrayList<>();

	private static final HttpServer services = StandInServices.start(GatewayIntegrationTests::answerNotFound);

	@DynamicPropertySource
	static void routeToTheStandIn(DynamicPropertyRegistry registry) {
		String uri = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : List.of("auth-service", "transaction-service", "account-service", "reporting-service",
				"notification-service")) {
			registry.add("carefin.gateway.services." + service, () -> uri);
		}
		registry.add("carefin.gateway.services.portal", () -> uri);
		registry.add("carefin.gateway.edge.cors-allowed-origins", () -> PORTAL);
	}

	@AfterAll
	static void stopServices() {
		services.stop(0);
	}

	@BeforeEach
	void forgetWhatReachedTheServices() {
		reached.clear();
		requestIds.clear();
		clientAddresses.clear();
		forwarded.clear();
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
	void countsEachRouteInItsOwnMetrics(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		http.get().uri("/api/reports/summary").headers((headers) -> headers.setBearerAuth(token)).exchange();

		assertThat(TrustContract.metrics(http))
			.containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"reporting-service\"")
			.containsPattern("resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*name=\"reporting-service\"")
			.as("each routed call is counted once per route, not observed a second time")
			.doesNotContain("http_client_requests");
	}

	@Test
	void servesOneSwaggerUiOverEveryServicesOpenApiDocumentWithoutAToken(RestTestClient http) {
		http.get().uri("/api/docs/transaction-service/v3/api-docs").exchange();
		assertThat(reached).containsExactly("GET /v3/api-docs -");

		String config = http.get()
			.uri("/api/docs/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		for (String service : List.of("auth-service", "transaction-service", "account-service", "reporting-service",
				"notification-service")) {
			assertThat(config).contains("/api/docs/" + service + "/v3/api-docs");
		}
		// a browser opening /api/docs follows the redirects to the UI's page
		String page = "/api/docs";
		for (int hop = 0; hop < 3; hop++) {
			URI next = http.get().uri(page).exchange().returnResult(String.class).getResponseHeaders().getLocation();
			if (next == null) {
				break;
			}
			page = next.getPath() + ((next.getRawQuery() != null) ? "?" + next.getRawQuery() : "");
		}
		assertThat(page).startsWith("/api/docs/");
		http.get()
			.uri(page)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(reached).as("the UI is the gateway's own, not the portal's").containsExactly("GET /v3/api-docs -");
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
	void letsEveryOpenPathThroughWithoutAToken(RestTestClient http) {
		List<String> open = List.of("/api/auth/mfa/verify", "/api/auth/mfa/resend", "/api/auth/token/refresh",
				"/api/auth/recovery/user-id", "/api/auth/recovery/password", "/api/auth/recovery/password/reset",
				"/api/auth/users/activate");
		for (String path : open) {
			http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body("{}").exchange();
		}
		http.get().uri("/api/transactions/practices/BRIGHT-SMILES").exchange().expectStatus().isNotFound();
		http.post()
			.uri("/api/transactions/practices/BRIGHT-SMILES/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange();
		http.get().uri("/.well-known/jwks.json").exchange();
		http.get().uri("/.well-known/openid-configuration").exchange();
		http.get().uri("/actuator/health").exchange().expectStatus().isOk();

		assertThat(reached).containsExactly("POST /api/auth/mfa/verify -", "POST /api/auth/mfa/resend -",
				"POST /api/auth/token/refresh -", "POST /api/auth/recovery/user-id -",
				"POST /api/auth/recovery/password -", "POST /api/auth/recovery/password/reset -",
				"POST /api/auth/users/activate -", "GET /api/transactions/practices/BRIGHT-SMILES -",
				"POST /api/transactions/practices/BRIGHT-SMILES/applications -", "GET /.well-known/jwks.json -",
				"GET /.well-known/openid-configuration -");
	}

	@Test
	void keepsARefusedRequestFromEveryService(RestTestClient http) {
		http.get().uri("/api/reports/summary").exchange().expectStatus().isUnauthorized();
		http.post()
			.uri("/api/auth/logout")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		http.get()
			.uri("/api/transactions/practices/BRIGHT-SMILES/applications/42")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		http.get().uri("/api/transactions/admin/practices/42/promotions").exchange().expectStatus().isUnauthorized();

		assertThat(reached).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("refusedTokens")
	void refusesTheTokenWithAProblemAndNoServiceSeesTheRequest(String token, RestTestClient http) {
		http.get()
			.uri("/api/accounts/42")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401);

		assertThat(reached).isEmpty();
	}

	static Stream<Arguments> refusedTokens() {
		TestIssuer provider = TestIssuer.PROVIDER;
		TestIssuer rogue = TestIssuer.ROGUE;
		URI rogueKeys = URI.create(rogue.jwkSetUri());
		String valid = provider.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		String[] parts = valid.split("\\.");
		String adminPayload = provider.practiceUser(UUID.randomUUID(), "PRACTICE_ADMIN").split("\\.")[1];
		return Stream.of(argumentSet("not a JWT at all", "not-a-token"),
				argumentSet("alg none, no signature", provider.token("unsigned").unsigned()),
				argumentSet("alg none with the valid signature left on",
						unsignedHeader() + "." + parts[1] + "." + parts[2]),
				argumentSet("HS256 with the issuer's public key as secret",
						provider.token("confused").signedWithPublicKeyAsHmacSecret()),
				argumentSet("a kid the issuer never published",
						provider.token("unknown-kid").keyId("never-published").sign()),
				argumentSet("jku pointing at the forger's keys",
						provider.token("jku").signedWithKeyOf(rogue).keySetUrl(rogueKeys).sign()),
				argumentSet("jku on a token signed with the issuer's own key",
						provider.token("jku-own").keySetUrl(rogueKeys).sign()),
				argumentSet("x5u pointing at the forger's certificate",
						provider.token("x5u").signedWithKeyOf(rogue).certificateUrl(rogueKeys).sign()),
				argumentSet("jwk embedding the forger's key",
						provider.token("jwk").signedWithKeyOf(rogue).embeddingSigningKey().sign()),
				argumentSet("signed by a key of another issuer",
						provider.token("forger").signedWithKeyOf(rogue).sign()),
				argumentSet("payload swapped after signing", parts[0] + "." + adminPayload + "." + parts[2]),
				argumentSet("an issuer nobody trusts", rogue.practiceUser(UUID.randomUUID(), "PRACTICE_ADMIN")),
				argumentSet("the staff issuer's name on a provider-signed token",
						TestIssuer.STAFF.token("crossed").signedWithKeyOf(provider).sign()),
				argumentSet("expired 45 s ago, beyond the 30 s skew",
						provider.token("late")
							.claim("iat", Instant.now().minusSeconds(345).getEpochSecond())
							.expiresAt(Instant.now().minusSeconds(45))
							.sign()),
				argumentSet("not valid for another 5 minutes",
						provider.token("early")
							.claim("nbf", Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond())
							.sign()),
				argumentSet("without an expiry", provider.token("forever").claim("exp", null).sign()),
				argumentSet("for another audience", provider.token("elsewhere").claim("aud", "some-other-api").sign()),
				argumentSet("without an audience", provider.token("nowhere").claim("aud", null).sign()),
				argumentSet("without a subject", provider.token("anonymous").claim("sub", null).sign()));
	}

	@Test
	void acceptsATokenThatExpiredWithinTheAllowedSkew(RestTestClient http) {
		String token = TestIssuer.PROVIDER.token("just-late")
			.claim("iat", Instant.now().minusSeconds(310).getEpochSecond())
			.expiresAt(Instant.now().minusSeconds(10))
			.sign();

		http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(reached).containsExactly("GET /api/accounts/42 Bearer " + token);
	}

	@Test
	void givesEveryRequestACorrelationIdAndPassesItOn(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		String generated = http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		http.get()
			.uri("/api/accounts/43")
			.headers((headers) -> headers.setBearerAuth(token))
			.header("X-Request-Id", "portal-4f1c2a9e")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "portal-4f1c2a9e");

		assertThat(generated).matches("[0-9a-f-]{36}");
		assertThat(requestIds).containsExactly(generated, "portal-4f1c2a9e");
	}

	@Test
	void replacesACorrelationIdThatIsNotAPlainToken(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		String answered = http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.header("X-Request-Id", "evil\"id with spaces")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");

		assertThat(answered).matches("[0-9a-f-]{36}");
		assertThat(requestIds).containsExactly(answered);
	}

	@Test
	void logsEachRequestWithItsCorrelationIdButNeverTheToken(RestTestClient http, CapturedOutput output) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		http.get()
			.uri("/api/accounts/42?ssn=123456789")
			.headers((headers) -> headers.setBearerAuth(token))
			.header("X-Request-Id", "access-log-7d3e")
			.exchange()
			.expectStatus()
			.isNotFound();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("GET /api/accounts/42 404 \\d+ms peer=127.0.0.1 request_id=access-log-7d3e"));
		assertThat(output.getOut()).doesNotContain(token)
			.doesNotContain(token.split("\\.")[2])
			.doesNotContain("123456789");
	}

	@Test
	void tellsTheServiceTheClientAddressItEstablishedNotTheOneTheClientClaims(RestTestClient http) {
		http.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", "203.0.113.66")
			.header("Forwarded", "for=203.0.113.66")
			.header("X-Client-Address", "203.0.113.66")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"someone\",\"password\":\"secret\"}")
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(clientAddresses).containsExactly("[127.0.0.1] [] []");
	}

	@Test
	void tellsThePortalHowTheBrowserReachedTheGatewayNotWhatTheBrowserClaims(RestTestClient http,
			@Autowired Environment environment) {
		String host = "localhost:" + environment.getProperty("local.server.port");

		http.get()
			.uri("/dashboard")
			.header("X-Forwarded-For", "203.0.113.66")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Port", "443")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=3600");

		assertThat(reached).containsExactly("GET /dashboard -");
		assertThat(clientAddresses).containsExactly("[127.0.0.1] [127.0.0.1] []");
		assertThat(forwarded).containsExactly("host=" + host + " proto=http forwarded-host=" + host + " port="
				+ environment.getProperty("local.server.port"));
	}

	@Test
	void tellsTheServicesNothingAboutHowTheBrowserReachedTheGateway(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(forwarded).singleElement().asString().endsWith("proto=null forwarded-host=null port=null");
	}

	@Test
	void setsSecurityHeadersOnApiResponsesWhateverTheServiceSent(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		http.get()
			.uri("/api/accounts/42")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		http.get()
			.uri("/api/accounts/42")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
	}

	@Test
	void refusesABodyLargerThanTheLimitBeforeAnyServiceSeesIt(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		http.post()
			.uri("/api/transactions/purchases")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body("\"" + "x".repeat(1024 * 1024) + "\"")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/payload-too-large");

		assertThat(reached).isEmpty();
	}

	@Test
	void refusesABodyThatDoesNotDeclareItsLength(@Autowired Environment environment) throws Exception {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		URI purchases = URI
			.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/api/transactions/purchases");
		HttpRequest chunked = HttpRequest.newBuilder(purchases)
			.version(HttpClient.Version.HTTP_1_1)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(
					() -> new ByteArrayInputStream("{\"amount\":\"100.00\"}".getBytes(StandardCharsets.UTF_8))))
			.build();

		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(chunked, HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(411);
			assertThat(response.body()).contains("\"type\":\"https://carefin.io/problems/length-required\"");
		}
		assertThat(reached).isEmpty();
	}

	@Test
	void letsThePortalsOriginCallTheApiAndNoOtherOrigin(RestTestClient http) {
		http.options()
			.uri("/api/accounts/42")
			.header(HttpHeaders.ORIGIN, PORTAL)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL);
		http.options()
			.uri("/api/accounts/42")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

		assertThat(reached).isEmpty();
	}

	@Test
	void answersAPathNoServiceOwnsWithANotFoundProblem(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");

		for (String path : List.of("/api/nothing-here", "/_gateway/unavailable/account-service")) {
			TrustContract.expectNotFoundProblem(http, path, token);
		}

		assertThat(reached).isEmpty();
	}

	private static String unsignedHeader() {
		return java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
	}

	private static void answerNotFound(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
				+ ((authorization != null) ? authorization : "-"));
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
		requestIds.add((requestId != null) ? requestId : "-");
		clientAddresses.add(exchange.getRequestHeaders().getOrDefault("X-Client-Address", List.of()) + " "
				+ exchange.getRequestHeaders().getOrDefault("X-Forwarded-For", List.of()) + " "
				+ exchange.getRequestHeaders().getOrDefault("Forwarded", List.of()));
		forwarded.add("host=" + exchange.getRequestHeaders().getFirst("Host") + " proto="
				+ exchange.getRequestHeaders().getFirst("X-Forwarded-Proto") + " forwarded-host="
				+ exchange.getRequestHeaders().getFirst("X-Forwarded-Host") + " port="
				+ exchange.getRequestHeaders().getFirst("X-Forwarded-Port"));
		byte[] body = "{\"type\":\"https://carefin.io/problems/not-found\",\"status\":404}"
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Cache-Control", "max-age=3600");
		StandInServices.answer(exchange, 404, "application/problem+json", body);
	}

}
