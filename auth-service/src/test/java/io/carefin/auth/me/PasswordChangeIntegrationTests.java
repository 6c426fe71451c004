package io.carefin.auth.me;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.testsupport.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class PasswordChangeIntegrationTests {

	private static final String NEW_PASSWORD = "a brand new passphrase";

	private static final Pattern RESET_TOKEN = Pattern.compile("\"resetToken\":\"([A-Za-z0-9_-]+)\"");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aWrongCurrentPasswordIsRefusedAndCountsTowardLockoutLikeASignIn(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String accessToken = accessToken(http, userId);

		String first = refused(http, accessToken, "not the password 1");
		for (int i = 2; i <= 5; i++) {
			assertThat(refused(http, accessToken, "not the password " + i)).isEqualTo(first);
		}
		assertThat(this.fixtures.locked(userId)).isTrue();

		double checksBefore = passwordChecks();
		assertThat(refused(http, accessToken, AuthFixtures.PASSWORD)).as("the right password during the lock")
			.isEqualTo(first);
		assertThat(passwordChecks()).as("no password is checked during a lock").isEqualTo(checksBefore);
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isUnauthorized();
		assertThat(first).contains("https://carefin.io/problems/current-password-rejected");
		assertThat(auditOutcomes(userId)).containsOnly("FAILED").hasSize(6);
	}

	@Test
	void aNewPasswordThePolicyRefusesIsRefusedWithItsReasonsAndChangesNothing(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String accessToken = accessToken(http, userId);

		change(http, accessToken, AuthFixtures.PASSWORD, "too short").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/password-rejected")
			.jsonPath("$.errors[0]")
			.isEqualTo("Use at least 12 characters.");

		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();
	}

	@Test
	void aChangedPasswordSignsInAndEndsEveryOtherSessionButThisOne(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		Map<String, Object> thisSession = AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD);
		Map<String, Object> otherSession = AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD);

		change(http, (String) thisSession.get("accessToken"), AuthFixtures.PASSWORD, NEW_PASSWORD).expectStatus()
			.isNoContent();

		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isUnauthorized();
		AuthFixtures.signIn(http, userId, NEW_PASSWORD).expectStatus().isOk();
		refresh(http, (String) otherSession.get("refreshToken")).expectStatus().isUnauthorized();
		refresh(http, (String) thisSession.get("refreshToken")).expectStatus().isOk();
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM event_publication WHERE event_type LIKE '%PasswordChanged' AND serialized_event LIKE :user")
			.param("user", "%" + this.fixtures.idOf(userId) + "%")
			.query(Integer.class)
			.single()).isOne();
		assertThat(auditOutcomes(userId)).containsExactly("SUCCEEDED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE CAST(audit_entry AS TEXT) LIKE :password")
			.param("password", "%" + NEW_PASSWORD + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aChangedPasswordVoidsAnOpenResetLink(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String accessToken = accessToken(http, userId);
		String resetToken = requestReset(http, userId);

		change(http, accessToken, AuthFixtures.PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

		http.post()
			.uri("/api/auth/recovery/password/reset")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\":\"%s\",\"newPassword\":\"yet another passphrase\"}".formatted(resetToken))
			.exchange()
			.expectStatus()
			.isBadRequest();
		AuthFixtures.signIn(http, userId, NEW_PASSWORD).expectStatus().isOk();
	}

	private String refused(RestTestClient http, String accessToken, String currentPassword) {
		return change(http, accessToken, currentPassword, NEW_PASSWORD).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static RestTestClient.ResponseSpec change(RestTestClient http, String accessToken, String currentPassword,
			String newPassword) {
		return http.post()
			.uri("/api/auth/me/password")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(currentPassword, newPassword))
			.exchange();
	}

	private static RestTestClient.ResponseSpec refresh(RestTestClient http, String refreshToken) {
		return http.post()
			.uri("/api/auth/token/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"refreshToken\":\"" + refreshToken + "\"}")
			.exchange();
	}

	private static String accessToken(RestTestClient http, String userId) {
		return (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
	}

	private String requestReset(RestTestClient http, String userId) {
		http.post()
			.uri("/api/auth/recovery/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"" + userId + "\",\"email\":\"" + userId + "@example.test\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
		UUID id = this.fixtures.idOf(userId);
		Matcher token = RESET_TOKEN.matcher(
				KafkaTestClient
					.awaitRecord(RecoveryEvent.TOPIC,
							(record) -> id.toString().equals(record.key())
									&& record.value().contains("PasswordResetRequested"),
							Duration.ofSeconds(20))
					.value());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private List<String> auditOutcomes(String userId) {
		return this.jdbc.sql("""
				SELECT outcome FROM audit_entry WHERE user_id = :id AND action = 'PASSWORD_CHANGE' ORDER BY occurred_at
				""").param("id", this.fixtures.idOf(userId)).query(String.class).list();
	}

	private double passwordChecks() {
		return this.meters.counter("carefin.auth.password.checks").count();
	}

}
