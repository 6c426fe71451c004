package io.carefin.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.TableScan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a password reset link, an activation link and a sign-in code have been sent, no
 * table of auth-service holds the link's token or the code in clear, neither while the
 * event waits to be sent nor in the days the sent event is kept; the events themselves
 * still reach their topic with the token or code for notification-service.
 */
@AuthServiceTest
class SecretsAtRestIntegrationTests {

	private static final Pattern RESET_TOKEN = Pattern.compile("\"resetToken\":\"([A-Za-z0-9_-]+)\"");

	private static final Pattern ACTIVATION_TOKEN = Pattern.compile("\"activationToken\":\"([A-Za-z0-9_-]+)\"");

	private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{6})\"");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noTableHoldsAResetTokenAnActivationTokenOrASignInCode(RestTestClient http) {
		String admin = this.fixtures.activeUser();
		UUID adminId = this.fixtures.idOf(admin);
		http.post()
			.uri("/api/auth/recovery/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"" + admin + "\",\"email\":\"" + admin + "@example.test\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
		String resetToken = sent(RecoveryEvent.TOPIC, (record) -> adminId.toString().equals(record.key())
				&& record.value().contains("PasswordResetRequested"), RESET_TOKEN);

		String invited = "invited-" + UUID.randomUUID();
		String accessToken = (String) AuthFixtures.signedIn(http, admin, AuthFixtures.PASSWORD).get("accessToken");
		http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"userId":"%s","email":"%s@example.test","role":"PRACTICE_USER","permissions":["PROCESS_PURCHASES"]}
					""".formatted(invited, invited))
			.exchange()
			.expectStatus()
			.isCreated();
		String activationToken = sent(RecoveryEvent.TOPIC,
				(record) -> record.value().contains("\"signInUserId\":\"" + invited + "\""), ACTIVATION_TOKEN);

		this.jdbc.sql("""
				UPDATE practice SET mfa_required = TRUE
				WHERE id = (SELECT practice_id FROM practice_user WHERE user_id = :userId)
				""").param("userId", admin).update();
		Map<String, Object> challenge = AuthFixtures.signedIn(http, admin, AuthFixtures.PASSWORD);
		assertThat(challenge).containsEntry("status", "MFA_REQUIRED");
		String code = sent(ChallengeEvent.TOPIC,
				(record) -> challenge.get("challengeId").toString().equals(record.key()), CODE);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Integer.class)
				.single() == 0);
		for (String secret : List.of(resetToken, activationToken, "\"" + code + "\"")) {
			assertThat(TableScan.tablesHolding(this.jdbc, secret)).as("tables holding a secret that was sent")
				.isEmpty();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%Requested'")
			.query(Integer.class)
			.single()).as("the sent events are still kept, sealed").isGreaterThanOrEqualTo(2);
	}

	private static String sent(String topic, Predicate<ConsumerRecord<String, String>> match, Pattern secret) {
		String value = KafkaTestClient.awaitRecord(topic, match, Duration.ofSeconds(20)).value();
		Matcher found = secret.matcher(value);
		assertThat(found.find()).as("the secret on %s", topic).isTrue();
		return found.group(1);
	}

}
