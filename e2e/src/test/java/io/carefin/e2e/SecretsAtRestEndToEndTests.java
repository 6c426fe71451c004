package io.carefin.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.Driver;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.carefin.testsupport.TableScan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing secret is kept in clear anywhere on the platform: after the suite's other
 * journeys (this class runs last), and after one of its own that signs in and submits a
 * credit application, no service's database and no log file of any part holds a password,
 * SSN, access or refresh token, or link token that went through the gateway or the inbox,
 * and no Kafka topic (dead-letter topics included) carries a password, SSN or session
 * token. Findings name the kind of secret and where, never the secret.
 */
@ExtendWith(LocalStack.class)
@Order(Integer.MAX_VALUE)
class SecretsAtRestEndToEndTests {

	/** The demo users' passwords (README), typed in the browser journeys too. */
	private static final List<String> DEMO_PASSWORDS = List.of("Smile-Brightly-2026", "Cheerful-Molars-2026",
			"Sunny-Texts-2026", "Morning-Mail-2026", "Lakeside-Harbor-2026", "Quiet-Lakeshore-2026");

	/**
	 * Each service's database. The portal's holds its sessions, which keep the signed-in
	 * user's tokens server-side by design (ADR 0014): it is scanned for passwords and
	 * SSNs only.
	 */
	private static final List<String> SERVICE_DATABASES = List.of("auth", "transaction", "account", "reporting",
			"notification");

	private static final Api lakeside = new Api("198.51.100.70");

	@BeforeAll
	static void signInAndApply() {
		DEMO_PASSWORDS.forEach((password) -> Secrets.remember("password", password));
		Api.Reply login = lakeside.post("/api/auth/login", null,
				Map.of("userId", "lakeside.admin", "password", "Lakeside-Harbor-2026"));
		assertThat(login.field("status")).as(login.text()).isEqualTo("AUTHENTICATED");
		String accessToken = login.field("accessToken");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String lastName = "Quist" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
		LocalDate dateOfBirth = LocalDate.of(1950 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("firstName", "Ines");
		application.put("lastName", lastName);
		application.put("dateOfBirth", dateOfBirth.toString());
		application.put("ssn", "%03d-00-%04d".formatted(100 + random.nextInt(600), 450 + random.nextInt(100)));
		application.put("address",
				Map.of("line1", "4 Birch Lane", "city", "Madison", "state", "WI", "postalCode", "53703"));
		application.put("email", "ines." + lastName.toLowerCase() + "@example.com");
		application.put("mobile", "+15555550177");
		application.put("annualIncome", new BigDecimal("91000.00"));
		application.put("monthlyHousingPayment", new BigDecimal("1400.00"));
		application.put("requestedAmount", new BigDecimal("3000.00"));
		application.put("keyedBy", "STAFF");
		Api.Reply applied = lakeside.post("/api/transactions/applications", accessToken, application, "Idempotency-Key",
				"secrets-" + lastName);
		assertThat(applied.status()).as(applied.text()).isEqualTo(201);
		// the account is opened by account-service from the application's events: once it
		// is
		// found, the events have gone through every outbox and consumer they touch
		await().atMost(Duration.ofSeconds(60))
			.until(() -> lakeside.get("/api/accounts?lastName=" + lastName + "&dateOfBirth=" + dateOfBirth, accessToken)
				.body()
				.size() == 1);
	}

	@Test
	void theSuiteHandledEveryKindOfSecretThisTestLooksFor() {
		assertThat(Secrets.kinds()).contains("password", "SSN", "access token", "refresh token");
	}

	@Test
	void noDatabaseHoldsASecretInClear() {
		List<String> findings = new ArrayList<>();
		Secrets.all().forEach((secret, kind) -> {
			for (String database : SERVICE_DATABASES) {
				TableScan.tablesHolding(jdbc(database), secret)
					.forEach((table) -> findings.add("%s in %s.%s".formatted(kind, database, table)));
			}
			if (kind.equals("password") || kind.equals("SSN")) {
				TableScan.tablesHolding(jdbc("portal"), secret)
					.forEach((table) -> findings.add("%s in portal.%s".formatted(kind, table)));
			}
		});
		assertThat(new TreeSet<>(findings)).as("secrets at rest in clear").isEmpty();
	}

	@Test
	void noLogLineHoldsASecret() throws IOException {
		Map<String, String> secrets = Secrets.all();
		List<String> findings = new ArrayList<>();
		List<Path> logs;
		try (Stream<Path> files = Files.list(LocalStack.home().resolve("logs"))) {
			logs = files.filter(Files::isRegularFile).sorted().toList();
		}
		assertThat(logs).as("the platform's logs").isNotEmpty();
		for (Path log : logs) {
			List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
			for (int number = 0; number < lines.size(); number++) {
				String line = lines.get(number);
				for (Map.Entry<String, String> secret : secrets.entrySet()) {
					if (line.contains(secret.getKey())) {
						findings.add("%s on line %d of %s".formatted(secret.getValue(), number + 1, log.getFileName()));
					}
				}
			}
		}
		assertThat(findings).as("secrets in the logs").isEmpty();
	}

	@Test
	void noKafkaTopicCarriesAPasswordSsnOrSessionToken() {
		// link tokens and codes do travel, to notification-service alone, on
		// auth.recoveries
		// and auth.challenges (ADR 0017 seals them in the outbox table, not on the wire)
		Map<String, String> secrets = new java.util.HashMap<>(Secrets.all());
		secrets.values().removeIf((kind) -> kind.equals("link token"));
		List<String> findings = new ArrayList<>();
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
		int read = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.listTopics()
				.values()
				.stream()
				.flatMap(List::stream)
				.filter((partition) -> !partition.topic().startsWith("__"))
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			assertThat(partitions).as("the platform's topics").isNotEmpty();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
					read++;
					String value = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : "";
					secrets.forEach((secret, kind) -> {
						if (value.contains(secret)) {
							findings.add("%s on %s".formatted(kind, record.topic()));
						}
					});
				}
			}
		}
		assertThat(read).as("records read from the topics").isPositive();
		assertThat(new TreeSet<>(findings)).as("secrets on Kafka topics").isEmpty();
	}

	private static JdbcClient jdbc(String database) {
		return JdbcClient.create(new SimpleDriverDataSource(new Driver(),
				"jdbc:postgresql://127.0.0.1:15432/" + database, database, database));
	}

}
