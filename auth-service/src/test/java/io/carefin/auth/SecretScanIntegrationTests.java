package io.carefin.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.Topics;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.starter.messaging.MessagingProperties;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.TableScan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secret scan of issue 21 for auth-service: after a practice user's whole journey (a
 * wrong password, sign-in, refresh, invitation and activation, a second factor, a
 * password reset, a password change, sign-out), no password, access or refresh token is
 * in any of the service's tables, in any topic (dead-letter topics included) or in its
 * log; a code is only on {@code auth.challenges} and a link's token only on
 * {@code auth.recoveries}, the topics that carry them to notification-service. The tables
 * and topics are read from the database and from the contracts, so a new one is scanned
 * without changing this test.
 */
@AuthServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SecretScanIntegrationTests {

	private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{6})\"");

	private static final Pattern RESET_TOKEN = Pattern.compile("\"resetToken\":\"([A-Za-z0-9_-]+)\"");

	private static final Pattern ACTIVATION_TOKEN = Pattern.compile("\"activationToken\":\"([A-Za-z0-9_-]+)\"");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessagingProperties messaging;

	/** Secrets that no table, topic or log line may hold, by what they are. */
	private final Map<String, String> neverStored = new LinkedHashMap<>();

	/** Secrets that only their own topic may carry, by that topic. */
	private final Map<String, String> onlyOn = new LinkedHashMap<>();

	@Test
	void noSecretOfAPracticeUsersJourneyIsLeftInATableATopicOrTheLog(RestTestClient http, CapturedOutput output) {
		journey(http);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Integer.class)
				.single() == 0);
		List<String> found = new ArrayList<>();
		Map<String, List<String>> topics = topics();
		this.neverStored.forEach((what, secret) -> {
			TableScan.tablesHolding(this.jdbc, secret).forEach((table) -> found.add(what + " in " + table));
			topics.forEach((topic, values) -> {
				if (values.stream().anyMatch((value) -> value.contains(secret))) {
					found.add(what + " on " + topic);
				}
			});
			if (output.getAll().contains(secret)) {
				found.add(what + " in the log");
			}
		});
		this.onlyOn.forEach((secret, ownTopic) -> {
			TableScan.tablesHolding(this.jdbc, secret).forEach((table) -> found.add(secret(ownTopic) + " in " + table));
			topics.forEach((topic, values) -> {
				if (!topic.equals(ownTopic) && values.stream().anyMatch((value) -> value.contains(secret))) {
					found.add(secret(ownTopic) + " on " + topic);
				}
			});
			if (output.getAll().contains(secret)) {
				found.add(secret(ownTopic) + " in the log");
			}
		});

		assertThat(TableScan.tables(this.jdbc)).contains("event_publication", "practice_user", "refresh_token",
				"audit_entry");
		assertThat(topics).containsKeys(ChallengeEvent.TOPIC, RecoveryEvent.TOPIC,
				this.messaging.deadLetterTopic(ChallengeEvent.TOPIC));
		this.onlyOn.forEach((secret, ownTopic) -> assertThat(topics.get(ownTopic))
			.as("the scan reads the topics: the secret is on its own topic")
			.anyMatch((value) -> value.contains(secret)));
		assertThat(this.neverStored).hasSizeGreaterThanOrEqualTo(10);
		assertThat(this.onlyOn).hasSize(3);
		assertThat(found).isEmpty();
	}

	private void journey(RestTestClient http) {
		String admin = this.fixtures.activeUser();
		this.neverStored.put("the first password", AuthFixtures.PASSWORD);
		String wrong = "a wrong password " + UUID.randomUUID();
		this.neverStored.put("a wrong password", wrong);
		AuthFixtures.signIn(http, admin, wrong).expectStatus().isUnauthorized();

		Map<String, Object> signedIn = AuthFixtures.signedIn(http, admin, AuthFixtures.PASSWORD);
		token(signedIn, "accessToken");
		token(signedIn, "refreshToken");
		Map<String, Object> refreshed = post(http, "/api/auth/token/refresh",
				"{\"refreshToken\":\"" + signedIn.get("refreshToken") + "\"}", null);
		String refreshedAccess = token(refreshed, "accessToken");
		token(refreshed, "refreshToken");

		String invited = "invited-" + UUID.randomUUID();
		post(http, "/api/auth/users", """
				{"userId":"%s","email":"%s@example.test","role":"PRACTICE_USER","permissions":["PROCESS_PURCHASES"]}
				""".formatted(invited, invited), refreshedAccess);
		String activation = sent(RecoveryEvent.TOPIC,
				(record) -> record.value().contains("\"signInUserId\":\"" + invited + "\""), ACTIVATION_TOKEN);
		String invitedPassword = "an invited user's passphrase " + UUID.randomUUID();
		this.neverStored.put("an invited user's password", invitedPassword);
		post(http, "/api/auth/users/activate",
				"{\"token\":\"%s\",\"password\":\"%s\"}".formatted(activation, invitedPassword), null);

		Map<String, Object> again = AuthFixtures.signedIn(http, invited, invitedPassword);
		String invitedAccess = token(again, "accessToken");
		String changedPassword = "a changed passphrase " + UUID.randomUUID();
		this.neverStored.put("a changed password", changedPassword);
		post(http, "/api/auth/me/password",
				"{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(invitedPassword, changedPassword),
				invitedAccess);

		this.jdbc.sql("""
				UPDATE practice SET mfa_required = TRUE
				WHERE id = (SELECT practice_id FROM practice_user WHERE user_id = :userId)
				""").param("userId", admin).update();
		Map<String, Object> challenge = AuthFixtures.signedIn(http, admin, AuthFixtures.PASSWORD);
		String challengeId = challenge.get("challengeId").toString();
		String code = sent(ChallengeEvent.TOPIC, (record) -> challengeId.equals(record.key()), CODE);
		Map<String, Object> verified = post(http, "/api/auth/mfa/verify",
				"{\"challengeId\":\"%s\",\"code\":\"%s\"}".formatted(challengeId, code), null);
		String mfaAccess = token(verified, "accessToken");
		token(verified, "refreshToken");

		http.post()
			.uri("/api/auth/logout")
			.headers((headers) -> headers.setBearerAuth(mfaAccess))
			.exchange()
			.expectStatus()
			.isNoContent();

		UUID adminId = this.fixtures.idOf(admin);
		post(http, "/api/auth/recovery/password",
				"{\"userId\":\"" + admin + "\",\"email\":\"" + admin + "@example.test\"}", null);
		String reset = sent(RecoveryEvent.TOPIC, (record) -> adminId.toString().equals(record.key())
				&& record.value().contains("PasswordResetRequested"), RESET_TOKEN);
		String resetPassword = "a reset passphrase " + UUID.randomUUID();
		this.neverStored.put("a new password set by a reset", resetPassword);
		post(http, "/api/auth/recovery/password/reset",
				"{\"token\":\"%s\",\"newPassword\":\"%s\"}".formatted(reset, resetPassword), null);

	}

	private String token(Map<String, Object> answer, String name) {
		String token = (String) answer.get(name);
		assertThat(token).as(name).isNotBlank();
		this.neverStored.put(name + " " + this.neverStored.size(), token);
		return token;
	}

	private String sent(String topic, Predicate<ConsumerRecord<String, String>> match, Pattern secret) {
		String value = KafkaTestClient.awaitRecord(topic, match, Duration.ofSeconds(20)).value();
		Matcher found = secret.matcher(value);
		assertThat(found.find()).as("the secret on %s", topic).isTrue();
		// a code is six digits: looked for with its quotes, as JSON and row text write it
		String text = (secret == CODE) ? "\"" + found.group(1) + "\"" : found.group(1);
		this.onlyOn.put(text, topic);
		return found.group(1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> post(RestTestClient http, String path, String body, @Nullable String bearer) {
		return http.post().uri(path).headers((headers) -> {
			if (bearer != null) {
				headers.setBearerAuth(bearer);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Every topic of the platform and its dead-letter topic, with the key and value of
	 * every record on it, read from the beginning to the end of each partition.
	 */
	private Map<String, List<String>> topics() {
		Map<String, List<String>> topics = new LinkedHashMap<>();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			Topics.ALL.stream()
				.flatMap((topic) -> Stream.of(topic, this.messaging.deadLetterTopic(topic)))
				.forEach((topic) -> topics.put(topic, records(consumer, topic)));
		}
		return topics;
	}

	private static List<String> records(KafkaConsumer<String, String> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		List<String> records = new ArrayList<>();
		while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
			consumer.poll(Duration.ofMillis(200)).forEach((record) -> records.add(record.key() + " " + record.value()));
		}
		return records;
	}

	private static String secret(String topic) {
		return Set.of(ChallengeEvent.TOPIC).contains(topic) ? "a sign-in code" : "a link's token";
	}

}
