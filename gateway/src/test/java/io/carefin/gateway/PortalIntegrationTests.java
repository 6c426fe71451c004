package io.carefin.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.RunningServer;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a stand-in portal and a stand-in for the services, with the
 * portal's address (this machine) trusted as a proxy, as in the local mode: pages go to
 * the portal without a token, the portal's sign-ins and patients' applications through
 * the API count per browser, and so do browsers' page loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "carefin.gateway.rate-limits.trusted-proxies=127.0.0.1")
@ContextConfiguration(initializers = TestIssuer.Initializer.class)
@ExtendWith(RunningServer.class)
class PortalIntegrationTests {

	private static final List<String> pages = new CopyOnWriteArrayList<>();

	private static final List<String> apiClients = new CopyOnWriteArrayList<>();

	private static final HttpServer portal = StandInServices.start(PortalIntegrationTests::answerAsThePortal);

	private static final HttpServer services = StandInServices.start(PortalIntegrationTests::answerAsAService);

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void routeToTheStandIns(DynamicPropertyRegistry registry) {
		String uri = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : List.of("auth-service", "transaction-service", "account-service", "reporting-service",
				"notification-service")) {
			registry.add("carefin.gateway.services." + service, () -> uri);
		}
		registry.add("carefin.gateway.services.portal", () -> "http://127.0.0.1:" + portal.getAddress().getPort());
	}

	@AfterAll
	static void stopStandIns() {
		portal.stop(0);
		services.stop(0);
	}

	@BeforeEach
	void forgetWhatReachedTheStandIns() {
		pages.clear();
		apiClients.clear();
	}

	@Test
	void servesEveryPageOutsideTheApiFromThePortalWithoutATokenAsItAnsweredButNotTheApi(RestTestClient http) {
		http.get()
			.uri("/forgot-password")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.doesNotExist(HttpHeaders.CACHE_CONTROL)
			.expectBody(String.class)
			.isEqualTo("<h1>Forgot Password?</h1>");
		http.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("<h1>Sign in</h1>");
		http.get().uri("/api/accounts/42").exchange().expectStatus().isUnauthorized();

		assertThat(pages).extracting((page) -> page.split(" \\| ")[0])
			.containsExactly("GET /forgot-password -", "GET / -");
		assertThat(apiClients).isEmpty();
	}

	@Test
	void passesTheSessionCookieTheHostAndTheBrowsersSchemeAndLeavesThePortalsAnswerAlone(RestTestClient http) {
		String host = "localhost:" + this.environment.getProperty("local.server.port");

		http.get()
			.uri("/")
			.header(HttpHeaders.COOKIE, "carefin-session=abc123")
			.header("X-Forwarded-For", "198.51.100.1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.SET_COOKIE, "carefin-session=def456; Path=/; HttpOnly; SameSite=Lax")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=60");

		assertThat(pages)
			.containsExactly("GET / - | host=" + host + " cookie=carefin-session=abc123 proto=http forwarded-host="
					+ host + " port=" + host.split(":")[1] + " for=198.51.100.1 client=198.51.100.1 authorization=-");
	}

	@Test
	void relaysAFormPostAndThePortalsRelativeRedirectUnchanged(RestTestClient http) {
		http.post()
			.uri("/forgot-password")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("userId=demo.admin&email=billing%40brightsmiles.example&_csrf=token")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SEE_OTHER)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/forgot-password?sent");

		assertThat(pages).extracting((page) -> page.split(" \\| ")[0])
			.containsExactly(
					"POST /forgot-password userId=demo.admin&email=billing%40brightsmiles.example&_csrf=token");
	}

	@Test
	void believesTheSchemeAndHostATrustedProxyInFrontSays(RestTestClient http) {
		http.get()
			.uri("/help")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "portal.carefin.example")
			.header("X-Forwarded-For", "198.51.100.2")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(pages).singleElement()
			.asString()
			.contains("proto=https forwarded-host=portal.carefin.example port=443 for=198.51.100.2");
	}

	@Test
	void countsTwoBrowsersSigningInThroughThePortalApart(RestTestClient http) {
		for (int i = 0; i < 10; i++) {
			signInThroughThePortal(http, "203.0.113.10").expectStatus().isOk();
		}

		signInThroughThePortal(http, "203.0.113.10").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/too-many-requests");
		signInThroughThePortal(http, "203.0.113.20").expectStatus().isOk();
		assertThat(apiClients).hasSize(11).endsWith("POST /api/auth/login 203.0.113.20");
	}

	@Test
	void countsEachBrowsersPageLoadsByItsAddressApartFromItsUsersApiBudget(RestTestClient http) {
		// 300 a minute, refilled smoothly: a few more come back while the first 300 load
		int loaded = 0;
		EntityExchangeResult<String> answer = page(http, "203.0.113.30").returnResult(String.class);
		while (answer.getStatus().is2xxSuccessful() && loaded < 400) {
			loaded++;
			answer = page(http, "203.0.113.30").returnResult(String.class);
		}

		assertThat(loaded).isBetween(300, 399);
		assertThat(answer.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
		page(http, "203.0.113.31").expectStatus().isOk();
		http.get()
			.uri("/api/accounts/42")
			.header("X-Forwarded-For", "203.0.113.30")
			.headers((headers) -> headers
				.setBearerAuth(TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void letsAPatientsApplicationThroughThePracticesLinkWithoutATokenTwentyTimesInTenMinutesPerBrowser(
			RestTestClient http) {
		practiceLink(http, "203.0.113.50").expectStatus().isOk();
		for (int i = 1; i < 20; i++) {
			applyThroughThePortal(http, "203.0.113.50").expectStatus().isOk();
		}

		applyThroughThePortal(http, "203.0.113.50").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/too-many-requests");
		practiceLink(http, "203.0.113.50").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		practiceLink(http, "203.0.113.51").expectStatus().isOk();
		page(http, "203.0.113.50").expectStatus().isOk();
		assertThat(apiClients).hasSize(21)
			.startsWith("GET /api/transactions/practices/BRIGHT-SMILES 203.0.113.50 -")
			.contains("POST /api/transactions/practices/BRIGHT-SMILES/applications 203.0.113.50 -")
			.endsWith("GET /api/transactions/practices/BRIGHT-SMILES 203.0.113.51 -");
	}

	private static RestTestClient.ResponseSpec practiceLink(RestTestClient http, String browser) {
		return http.get()
			.uri("/api/transactions/practices/BRIGHT-SMILES")
			.header("X-Forwarded-For", browser)
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
	}

	private static RestTestClient.ResponseSpec applyThroughThePortal(RestTestClient http, String browser) {
		return http.post()
			.uri("/api/transactions/practices/BRIGHT-SMILES/applications")
			.header("X-Forwarded-For", browser)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"firstName\":\"Grace\"}")
			.exchange();
	}

	private static RestTestClient.ResponseSpec signInThroughThePortal(RestTestClient http, String browser) {
		return http.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", browser)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"someone\",\"password\":\"guess\"}")
			.exchange();
	}

	private static RestTestClient.ResponseSpec page(RestTestClient http, String browser) {
		return http.get().uri("/help").header("X-Forwarded-For", browser).accept(MediaType.TEXT_HTML).exchange();
	}

	private static void answerAsThePortal(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Headers headers = exchange.getRequestHeaders();
		pages.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
				+ (body.isEmpty() ? "-" : body) + " | host=" + headers.getFirst("Host") + " cookie="
				+ headers.getFirst("Cookie") + " proto=" + headers.getFirst("X-Forwarded-Proto") + " forwarded-host="
				+ headers.getFirst("X-Forwarded-Host") + " port=" + headers.getFirst("X-Forwarded-Port") + " for="
				+ headers.getFirst("X-Forwarded-For") + " client=" + headers.getFirst("X-Client-Address")
				+ " authorization=" + ((headers.getFirst("Authorization") != null) ? "yes" : "-"));
		switch (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()) {
			case "GET /" -> {
				exchange.getResponseHeaders()
					.add("Set-Cookie", "carefin-session=def456; Path=/; HttpOnly; SameSite=Lax");
				exchange.getResponseHeaders().add("Cache-Control", "private, max-age=60");
				html(exchange, 200, "<h1>Sign in</h1>");
			}
			case "GET /forgot-password" -> html(exchange, 200, "<h1>Forgot Password?</h1>");
			case "POST /forgot-password" -> {
				exchange.getResponseHeaders().add("Location", "/forgot-password?sent");
				exchange.sendResponseHeaders(303, -1);
				exchange.close();
			}
			case "GET /help" -> html(exchange, 200, "<h1>Help</h1>");
			default -> html(exchange, 404, "<h1>Not found</h1>");
		}
	}

	private static void html(HttpExchange exchange, int status, String body) throws IOException {
		StandInServices.answer(exchange, status, "text/html;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
	}

	private static void answerAsAService(HttpExchange exchange) throws IOException {
		apiClients.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
				+ exchange.getRequestHeaders().getFirst("X-Client-Address")
				+ (exchange.getRequestURI().getPath().startsWith("/api/transactions/practices/")
						? ((exchange.getRequestHeaders().getFirst("Authorization") != null) ? " Bearer" : " -") : ""));
		StandInServices.answer(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
	}

}
