package io.carefin.auth;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class SessionIntegrationTests {

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	MovableClock clock;

	@Test
	void aRefreshTokenWorksOnceAndItsReuseEndsTheSession(RestTestClient http) {
		Map<String, Object> signedIn = signIn(http);
		String first = (String) signedIn.get("refreshToken");

		String second = (String) refresh(http, first).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("refreshToken");
		assertThat(second).isNotEqualTo(first);

		refresh(http, first).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/session-ended");
		refresh(http, second).expectStatus().isUnauthorized();
	}

	@Test
	void aSessionEndsAfterFifteenIdleMinutes(RestTestClient http) {
		String token = (String) signIn(http).get("refreshToken");
		this.clock.advance(Duration.ofMinutes(14));
		String next = (String) refresh(http, token).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("refreshToken");

		this.clock.advance(Duration.ofMinutes(15));
		refresh(http, next).expectStatus().isUnauthorized();
	}

	@Test
	void aSessionEndsAfterTwelveHoursHoweverActive(RestTestClient http) {
		String token = (String) signIn(http).get("refreshToken");
		for (int i = 0; i < 71; i++) {
			this.clock.advance(Duration.ofMinutes(10));
			token = (String) refresh(http, token).expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("refreshToken");
		}
		this.clock.advance(Duration.ofMinutes(10));
		refresh(http, token).expectStatus().isUnauthorized();
	}

	@Test
	void logoutEndsTheSession(RestTestClient http) {
		Map<String, Object> signedIn = signIn(http);
		http.post()
			.uri("/api/auth/logout")
			.headers((headers) -> headers.setBearerAuth((String) signedIn.get("accessToken")))
			.exchange()
			.expectStatus()
			.isNoContent();

		refresh(http, (String) signedIn.get("refreshToken")).expectStatus().isUnauthorized();
	}

	@Test
	void theProfileAnswersOnlyWhileTheTokensSessionIsOpen(RestTestClient http) {
		Map<String, Object> signedIn = signIn(http);
		String accessToken = (String) signedIn.get("accessToken");
		me(http, accessToken).expectStatus().isOk();

		http.post()
			.uri("/api/auth/logout")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isNoContent();

		// the access token itself has minutes to live, but its session is over: at once
		// from the session's own record, and within seconds as a revoked token (ADR 0017)
		me(http, accessToken).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.value(String.class, (type) -> assertThat(type).isIn("https://carefin.io/problems/session-ended",
					"https://carefin.io/problems/unauthorized"));
	}

	@Test
	void publishesItsKeysAndKeepsARotatedKeyUntilItsTokensExpire(RestTestClient http,
			@Autowired io.carefin.auth.token.SigningKeys keys) throws Exception {
		String before = (String) signIn(http).get("accessToken");
		String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

		keys.rotate();
		String after = (String) signIn(http).get("accessToken");
		assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(oldKid);
		assertThat(kids(http)).contains(oldKid, SignedJWT.parse(after).getHeader().getKeyID());
		me(http, before).expectStatus().isOk();

		this.clock.advance(Duration.ofMinutes(12));
		assertThat(kids(http)).doesNotContain(oldKid);
	}

	@Test
	void announcesItselfForOpenIdDiscovery(RestTestClient http) {
		http.get()
			.uri("/.well-known/openid-configuration")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.jwks_uri")
			.value((uri) -> assertThat(uri.toString()).endsWith("/.well-known/jwks.json"));
	}

	private Map<String, Object> signIn(RestTestClient http) {
		return AuthFixtures.signedIn(http, this.fixtures.activeUser(), AuthFixtures.PASSWORD);
	}

	private static RestTestClient.ResponseSpec refresh(RestTestClient http, String refreshToken) {
		return http.post()
			.uri("/api/auth/token/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"refreshToken\":\"" + refreshToken + "\"}")
			.exchange();
	}

	private static RestTestClient.ResponseSpec me(RestTestClient http, String accessToken) {
		return http.get().uri("/api/auth/me").headers((headers) -> headers.setBearerAuth(accessToken)).exchange();
	}

	@SuppressWarnings("unchecked")
	private static java.util.List<String> kids(RestTestClient http) {
		Map<String, Object> jwks = http.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((java.util.List<Map<String, Object>>) jwks.get("keys")).stream()
			.map((key) -> (String) key.get("kid"))
			.toList();
	}

}
