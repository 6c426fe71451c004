package io.carefin.auth.recovery;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class RecoveryIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("\"resetToken\":\"([A-Za-z0-9_-]+)\"");

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void remindsAUserIdOnlyToItsOwnAddressAndAnswersTheSameForAnyAddress(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		int before = recoveryEvents("UserIdReminderRequested");
		String known = post(http, "/api/auth/recovery/user-id", "{\"email\":\"" + userId + "@EXAMPLE.test\"}", 202);
		String unknown = post(http, "/api/auth/recovery/user-id", "{\"email\":\"nobody@example.test\"}", 202);

		assertThat(unknown).isEqualTo(known);
		String reminder = KafkaTestClient
			.awaitRecord(RecoveryEvent.TOPIC,
					(record) -> record.value().contains("UserIdReminderRequested")
							&& record.value().contains("\"signInUserId\":\"" + userId + "\""),
					Duration.ofSeconds(20))
			.value();
		assertThat(reminder).contains("\"email\":\"" + userId + "@example.test\"");
		assertThat(recoveryEvents("UserIdReminderRequested")).as("a reminder for the known address only")
			.isEqualTo(before + 1);
	}

	@Test
	void aResetLinkSetsANewPasswordOnceAndEndsEverySession(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String refreshToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("refreshToken");
		String token = requestReset(http, userId);

		post(http, "/api/auth/recovery/password/reset", resetBody(token, "password1234"), 422);
		post(http, "/api/auth/recovery/password/reset", resetBody(token, NEW_PASSWORD), 204);

		loginStatus(http, userId, AuthFixtures.PASSWORD, 401);
		loginStatus(http, userId, NEW_PASSWORD, 200);
		post(http, "/api/auth/token/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", 401);
		post(http, "/api/auth/recovery/password/reset", resetBody(token, "yet another passphrase"), 400);
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM event_publication WHERE event_type LIKE '%PasswordChanged' AND serialized_event LIKE :user")
			.param("user", "%" + this.fixtures.idOf(userId) + "%")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aResetLinkExpiresAfterThirtyMinutesAndAskingAgainNeedsTheRightAddress(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String token = requestReset(http, userId);
		this.clock.advance(Duration.ofMinutes(30));
		post(http, "/api/auth/recovery/password/reset", resetBody(token, NEW_PASSWORD), 400);

		int before = recoveryEvents("PasswordResetRequested");
		post(http, "/api/auth/recovery/password",
				"{\"userId\":\"" + userId + "\",\"email\":\"someone-else@example.test\"}", 202);
		assertThat(recoveryEvents("PasswordResetRequested")).isEqualTo(before);
	}

	@Test
	void aResetDoesNotSkipTheSecondFactor(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		this.jdbc.sql("""
				UPDATE practice SET mfa_required = TRUE
				WHERE id = (SELECT practice_id FROM practice_user WHERE user_id = :userId)
				""").param("userId", userId).update();
		post(http, "/api/auth/recovery/password/reset", resetBody(requestReset(http, userId), NEW_PASSWORD), 204);

		assertThat(AuthFixtures.signedIn(http, userId, NEW_PASSWORD)).containsEntry("status", "MFA_REQUIRED");
	}

	private String requestReset(RestTestClient http, String userId) {
		post(http, "/api/auth/recovery/password",
				"{\"userId\":\"" + userId + "\",\"email\":\"" + userId + "@example.test\"}", 202);
		UUID id = this.fixtures.idOf(userId);
		String value = KafkaTestClient
			.awaitRecord(RecoveryEvent.TOPIC,
					(record) -> id.toString().equals(record.key()) && record.value().contains("PasswordResetRequested"),
					Duration.ofSeconds(20))
			.value();
		Matcher token = TOKEN.matcher(value);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	/**
	 * How many recovery events of a type were published: their content is sealed in the
	 * outbox, their type is not.
	 */
	private int recoveryEvents(String type) {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE :type")
			.param("type", "%." + type)
			.query(Integer.class)
			.single();
	}

	private static String resetBody(String token, String password) {
		return "{\"token\":\"%s\",\"newPassword\":\"%s\"}".formatted(token, password);
	}

	private static String post(RestTestClient http, String path, String body, int status) {
		String answer = http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return (answer != null) ? answer : "";
	}

	private static void loginStatus(RestTestClient http, String userId, String password, int status) {
		post(http, "/api/auth/login", AuthFixtures.login(userId, password), status);
	}

}
