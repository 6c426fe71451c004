package io.carefin.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.auth.AccessEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.RunningServer;
import io.carefin.testsupport.TestIssuer;

import static org.awaitility.Awaitility.await;

/**
 * The gateway refuses a practice user's access token within seconds of auth-service
 * announcing on {@code auth.revocations} that the user's or the session's access ended,
 * with the answer an expired token gets and without the service seeing it; tokens issued
 * after the not-before, other users' and staff tokens pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { TestIssuer.Initializer.class, EmbeddedKafka.Initializer.class })
@ExtendWith(RunningServer.class)
class AccessRevocationIntegrationTests {

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);

	private static final HttpServer services = StandInServices.start(AccessRevocationIntegrationTests::answerOk);

	@DynamicPropertySource
	static void routeToTheStandIn(DynamicPropertyRegistry registry) {
		String uri = "http://127.0.0.1:" + services.getAddress().getPort();
		for (String service : List.of("auth-service", "transaction-service", "account-service", "reporting-service",
				"notification-service", "portal")) {
			registry.add("carefin.gateway.services." + service, () -> uri);
		}
	}

	@AfterAll
	static void stopServices() {
		services.stop(0);
	}

	@Test
	void aSignedOutSessionsTokenIsRefusedWithinSecondsAndTheUsersOtherSessionPasses(RestTestClient http) {
		UUID user = UUID.randomUUID();
		UUID session = UUID.randomUUID();
		String signedOut = token(user, session, Instant.now());
		String otherSession = token(user, UUID.randomUUID(), Instant.now());
		call(http, signedOut).expectStatus().isOk();

		revoke(user, session, "SIGNED_OUT");

		await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertRefusedAsExpired(http, signedOut));
		call(http, otherSession).expectStatus().isOk();
	}

	@Test
	void aSuspendedUsersTokensAreRefusedWithinSecondsAndOnlyTheirs(RestTestClient http) {
		UUID suspended = UUID.randomUUID();
		String first = token(suspended, UUID.randomUUID(), Instant.now());
		String second = token(suspended, UUID.randomUUID(), Instant.now());
		String otherUser = token(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
		String staff = TestIssuer.STAFF.staffMember("SUPPORT");
		call(http, first).expectStatus().isOk();

		revoke(suspended, null, "SUSPENDED");

		await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
			assertRefusedAsExpired(http, first);
			assertRefusedAsExpired(http, second);
		});
		call(http, otherUser).expectStatus().isOk();
		call(http, staff).expectStatus().isOk();
		call(http, token(suspended, UUID.randomUUID(), Instant.now().plusSeconds(2))).expectStatus().isOk();
	}

	private static void revoke(UUID user, @Nullable UUID session, String reason) {
		Instant now = Instant.now();
		KafkaTestClient.send(AccessEvent.TOPIC, user.toString(), """
				{"type":"AccessRevoked","eventId":"%s","occurredAt":"%s","userId":"%s","sessionId":%s,
				 "notBefore":"%s","reason":"%s"}
				""".formatted(UUID.randomUUID(), now, user, (session != null) ? "\"" + session + "\"" : "null",
				now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), reason));
	}

	private static String token(UUID user, UUID session, Instant issuedAt) {
		return TestIssuer.PROVIDER.token(user.toString())
			.claim("iat", Date.from(issuedAt))
			.claim("sid", session.toString())
			.claim("practice_id", UUID.randomUUID().toString())
			.claim("roles", List.of("PRACTICE_USER"))
			.sign();
	}

	private static void assertRefusedAsExpired(RestTestClient http, String token) {
		String expired = TestIssuer.PROVIDER.token(UUID.randomUUID().toString())
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();
		byte[] expiredAnswer = call(http, expired).expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		call(http, token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json(new String(expiredAnswer, StandardCharsets.UTF_8));
	}

	private static RestTestClient.ResponseSpec call(RestTestClient http, String token) {
		return http.get()
			.uri("/api/accounts/" + UUID.randomUUID())
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private static void answerOk(HttpExchange exchange) throws IOException {
		StandInServices.answer(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
	}

}
