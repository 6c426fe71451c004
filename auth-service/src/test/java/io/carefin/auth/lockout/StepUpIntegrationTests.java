package io.carefin.auth.lockout;

import java.time.Duration;
import java.util.Map;
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
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers who know a user ID can no longer lock its user out until support acts: after
 * the third lock in a day a correct password also needs a second factor (an e-mailed code
 * when none is enrolled) or a recovery link. And a patient guesser who stays under the
 * window's limit forever meets a limit of failures in a row that only a sign-in resets.
 */
@AuthServiceTest
class StepUpIntegrationTests {

	private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{6})\"");

	private static final Pattern RESET_TOKEN = Pattern.compile("\"resetToken\":\"([A-Za-z0-9_-]+)\"");

	private static final String NEW_PASSWORD = "a brand new passphrase";

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theThirdLockInADayEndsByItselfAndThenSignInAsksForACodeNotForSupport(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		lockThreeTimes(http, userId);

		Map<String, Object> challenge = AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD);
		assertThat(challenge).containsEntry("status", "MFA_REQUIRED");
		assertThat(challenge.get("methods")).asString().contains("EMAIL");
		String challengeId = challenge.get("challengeId").toString();
		verify(http, challengeId, codeSentFor(challengeId)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.accessToken")
			.isNotEmpty();

		assertThat(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD)).as("the step-up is done")
			.containsEntry("status", "AUTHENTICATED");
		assertThat(this.fixtures.lockEvents(userId)).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT locked_permanently FROM practice_user WHERE user_id = :userId")
			.param("userId", userId)
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void aRecoveryLinkAlsoEndsTheStepUp(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		lockThreeTimes(http, userId);

		reset(http, userId);

		assertThat(AuthFixtures.signedIn(http, userId, NEW_PASSWORD)).containsEntry("status", "AUTHENTICATED");
	}

	@Test
	void aHundredFailuresInARowStopPasswordChecksWhateverTheWindowUntilARecoveryLink(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		failSlowly(http, userId, 96);
		assertThat(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD)).as("a sign-in resets the count")
			.containsEntry("status", "AUTHENTICATED");

		failSlowly(http, userId, 100);
		assertThat(this.fixtures.locked(userId)).as("four failures a window never lock").isFalse();
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isUnauthorized();
		this.clock.advance(Duration.ofDays(2));
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isUnauthorized();

		reset(http, userId);
		assertThat(AuthFixtures.signedIn(http, userId, NEW_PASSWORD)).containsEntry("status", "AUTHENTICATED");
	}

	/**
	 * Fails four times a window, one short of a lock, then waits for the next window.
	 */
	private void failSlowly(RestTestClient http, String userId, int failures) {
		for (int failure = 1; failure <= failures; failure++) {
			AuthFixtures.signIn(http, userId, "wrong password " + failure).expectStatus().isUnauthorized();
			if (failure % 4 == 0) {
				this.clock.advance(Duration.ofMinutes(16));
			}
		}
	}

	private void lockThreeTimes(RestTestClient http, String userId) {
		for (int lock = 1; lock <= 3; lock++) {
			for (int i = 1; i <= 5; i++) {
				AuthFixtures.signIn(http, userId, "wrong password " + i).expectStatus().isUnauthorized();
			}
			assertThat(this.fixtures.locked(userId)).isTrue();
			this.clock.advance(Duration.ofMinutes(31));
		}
	}

	private void reset(RestTestClient http, String userId) {
		post(http, "/api/auth/recovery/password",
				"{\"userId\":\"" + userId + "\",\"email\":\"" + userId + "@example.test\"}")
			.expectStatus()
			.isAccepted();
		UUID id = this.fixtures.idOf(userId);
		String token = secret(
				KafkaTestClient
					.awaitRecord(RecoveryEvent.TOPIC,
							(record) -> id.toString().equals(record.key())
									&& record.value().contains("PasswordResetRequested"),
							Duration.ofSeconds(20))
					.value(),
				RESET_TOKEN);
		post(http, "/api/auth/recovery/password/reset",
				"{\"token\":\"%s\",\"newPassword\":\"%s\"}".formatted(token, NEW_PASSWORD))
			.expectStatus()
			.isNoContent();
	}

	private static String codeSentFor(String challengeId) {
		return secret(KafkaTestClient
			.awaitRecord(ChallengeEvent.TOPIC, (record) -> challengeId.equals(record.key()), Duration.ofSeconds(20))
			.value(), CODE);
	}

	private static RestTestClient.ResponseSpec verify(RestTestClient http, String challengeId, String code) {
		return post(http, "/api/auth/mfa/verify",
				"{\"challengeId\":\"%s\",\"code\":\"%s\"}".formatted(challengeId, code));
	}

	private static RestTestClient.ResponseSpec post(RestTestClient http, String path, String body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private static String secret(String value, Pattern pattern) {
		Matcher found = pattern.matcher(value);
		assertThat(found.find()).isTrue();
		return found.group(1);
	}

}
