package io.carefin.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.TestIssuer;

import static org.awaitility.Awaitility.await;

/**
 * Sign-out and suspension end the access tokens already issued within seconds, though
 * they have minutes left: auth-service announces the revocation on
 * {@code auth.revocations} and refuses the tokens itself, as every service reading the
 * topic does, with the answer an expired token gets; other sessions' and other users'
 * tokens keep working.
 */
@AuthServiceTest
class AccessRevocationIntegrationTests {

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);

	private final String support = TestIssuer.STAFF.staffMember("SUPPORT");

	@Autowired
	AuthFixtures fixtures;

	@Test
	void signingOutEndsThatSessionsAccessTokenAndNoOtherOne(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String signedOut = accessToken(http, userId);
		String otherSession = accessToken(http, userId);
		String otherUser = accessToken(http, this.fixtures.activeUser());
		team(http, signedOut).expectStatus().isOk();

		http.post()
			.uri("/api/auth/logout")
			.headers((headers) -> headers.setBearerAuth(signedOut))
			.exchange()
			.expectStatus()
			.isNoContent();

		await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertRefusedAsExpired(http, signedOut));
		team(http, otherSession).expectStatus().isOk();
		team(http, otherUser).expectStatus().isOk();
	}

	@Test
	void suspensionEndsEveryAccessTokenOfTheUserAndASignInAfterReactivationWorks(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String first = accessToken(http, userId);
		String second = accessToken(http, userId);
		String otherUser = accessToken(http, this.fixtures.activeUser());

		support(http, userId, "suspend", "{\"reason\":\"POLICY_VIOLATION\",\"note\":\"Shared password\"}");

		await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
			assertRefusedAsExpired(http, first);
			assertRefusedAsExpired(http, second);
		});
		team(http, otherUser).expectStatus().isOk();

		support(http, userId, "reactivate", "{\"reason\":\"Practice confirmed new passwords\"}");
		String fresh = accessToken(http, userId);
		team(http, fresh).expectStatus().isOk();
		assertRefusedAsExpired(http, first);
	}

	private static void assertRefusedAsExpired(RestTestClient http, String token) {
		String expired = TestIssuer.PROVIDER.token(UUID.randomUUID().toString())
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();
		byte[] expiredAnswer = team(http, expired).expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		team(http, token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json(new String(expiredAnswer, StandardCharsets.UTF_8));
	}

	private static RestTestClient.ResponseSpec team(RestTestClient http, String token) {
		return http.get().uri("/api/auth/users").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private void support(RestTestClient http, String userId, String action, String body) {
		http.post()
			.uri("/api/auth/admin/users/{userId}/" + action, userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String accessToken(RestTestClient http, String userId) {
		return (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
	}

}
