package io.carefin.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.CodeRequested;
import io.carefin.contracts.auth.PasswordChanged;
import io.carefin.contracts.auth.PasswordResetRequested;
import io.carefin.contracts.auth.UserInvited;
import io.carefin.contracts.notification.DeliveryEvent;
import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.notification.channel.Breakers;
import io.carefin.notification.message.Channel;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TableScan;
import io.carefin.testsupport.TestIssuer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.carefin.notification.NotificationFixtures.approved;
import static io.carefin.notification.NotificationFixtures.code;
import static io.carefin.notification.NotificationFixtures.email;
import static io.carefin.notification.NotificationFixtures.invited;
import static io.carefin.notification.NotificationFixtures.json;
import static io.carefin.notification.NotificationFixtures.passwordChanged;
import static io.carefin.notification.NotificationFixtures.phone;
import static io.carefin.notification.NotificationFixtures.publish;
import static io.carefin.notification.NotificationFixtures.purchase;
import static io.carefin.notification.NotificationFixtures.reset;
import static io.carefin.notification.NotificationFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one message per event, retries, dead letters and their replay, caps, and no
 * secret in the logs, the delivery log or any table.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DeliveryGuaranteesIntegrationTests {

	private static final Duration FLAKY_PERIOD = Duration.ofSeconds(20);

	private final String opsAdmin = TestIssuer.STAFF.staffMember("OPS_ADMIN");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Breakers breakers;

	@AfterEach
	void providersBackUp() {
		TestProviders.smsAcceptsEverything();
		this.breakers.of(Channel.SMS).reset();
	}

	@Test
	void opensTheBreakerWhenTheProviderIsDownAndCallsNothingWhileItIsOpen() {
		CircuitBreaker breaker = this.breakers.of(Channel.SMS);
		List<CircuitBreaker.StateTransition> transitions = new CopyOnWriteArrayList<>();
		breaker.getEventPublisher().onStateTransition((event) -> transitions.add(event.getStateTransition()));
		TestProviders.sms()
			.stubFor(post(urlPathEqualTo(TestProviders.MESSAGES_PATH)).atPriority(1)
				.willReturn(aResponse().withStatus(503)));
		publish(code("SMS", phone(), code()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> transitions.contains(CircuitBreaker.StateTransition.CLOSED_TO_OPEN));

		breaker.transitionToForcedOpenState();
		TestProviders.smsAcceptsEverything();
		String phone = phone();
		CodeRequested held = publish(code("SMS", phone, code()));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> TestProviders.sms().findAll(MessagesIntegrationTests.smsTo(phone)).isEmpty());
		assertThat(attempts(held.eventId())).as("no attempt is used up while the breaker is open").isZero();
		breaker.transitionToClosedState();

		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(held.eventId())));
		assertThat(TestProviders.sms().findAll(MessagesIntegrationTests.smsTo(phone))).hasSize(1);
	}

	@Test
	void sendsOneMessageForAnEventDeliveredThreeTimes() {
		String email = email();
		PasswordChanged changed = passwordChanged(email);
		double before = count("deduplicated");
		for (int i = 0; i < 3; i++) {
			KafkaTestClient.send(changed.topic(), changed.aggregateId(), json(changed));
		}
		String after = email();
		KafkaTestClient.send(changed.topic(), changed.aggregateId(), json(passwordChanged(after)));

		MessagesIntegrationTests.awaitMail(after);
		assertThat(TestProviders.mailsTo(email)).hasSize(1);
		assertThat(deliveries(changed.eventId())).isOne();
		assertThat(count("deduplicated") - before).isEqualTo(2);
	}

	@Test
	void retriesWhileTheSmtpServerIsDownAndDeliversOnceItIsBack() {
		TestProviders.stopSmtp();
		String email = email();
		PasswordChanged changed;
		try {
			changed = publish(passwordChanged(email));
			await().atMost(Duration.ofSeconds(10)).until(() -> attempts(changed.eventId()) >= 3);
			assertThat(status(changed.eventId())).isIn("RETRYING", "SENDING");
		}
		finally {
			TestProviders.startSmtp();
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(changed.eventId())));
		assertThat(TestProviders.mailsTo(email)).hasSize(1);
		assertThat(count("retried")).isPositive();
	}

	@Test
	void deliversEveryTextMessageOnceWhileTheProviderFailsHalfTheTime() {
		// For 20 s every other request to the provider fails with 503, while codes
		// keep coming.
		TestProviders.sms()
			.stubFor(post(urlPathEqualTo(TestProviders.MESSAGES_PATH)).atPriority(1)
				.inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("up")
				.willReturn(aResponse().withStatus(503)));
		TestProviders.sms()
			.stubFor(post(urlPathEqualTo(TestProviders.MESSAGES_PATH)).atPriority(1)
				.inScenario("flaky")
				.whenScenarioStateIs("up")
				.willSetStateTo(Scenario.STARTED)
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\"}")
					.withTransformers("response-template")));
		List<String> phones = new ArrayList<>();
		List<UUID> events = new ArrayList<>();
		long end = System.nanoTime() + FLAKY_PERIOD.toNanos();
		while (System.nanoTime() < end) {
			String phone = phone();
			phones.add(phone);
			events.add(publish(code("SMS", phone, code())).eventId());
			await().pollDelay(Duration.ofMillis(500)).until(() -> true);
		}

		await().atMost(Duration.ofSeconds(60))
			.until(() -> events.stream().allMatch((event) -> "SENT".equals(status(event))));
		List<ServeEvent> served = TestProviders.sms().getAllServeEvents();
		for (String phone : phones) {
			List<ServeEvent> accepted = served.stream()
				.filter((event) -> event.getRequest().formParameters().get("To").firstValue().equals(phone))
				.filter((event) -> event.getResponse().getStatus() == 201)
				.toList();
			// on failure, says whether one delivery was sent twice (the same idempotency
			// token: an answer that came too late) or two deliveries were made
			assertThat(accepted)
				.as("accepted messages to %s: %s", phone,
						accepted.stream()
							.map((event) -> event.getRequest().getHeader("I-Twilio-Idempotency-Token") + " at "
									+ event.getRequest().getLoggedDate().toInstant() + " answered in "
									+ event.getTiming().getTotalTime() + " ms")
							.toList())
				.hasSize(1);
		}
		assertThat(served.stream().filter((event) -> event.getResponse().getStatus() == 503))
			.hasSizeGreaterThanOrEqualTo(phones.size() / 2);
	}

	@Test
	void parksAnAlwaysFailingEventAfterTheConfiguredAttemptsAndReplaysIt(RestTestClient http) {
		String phone = phone();
		TestProviders.sms()
			.stubFor(post(urlPathEqualTo(TestProviders.MESSAGES_PATH)).atPriority(1)
				.withFormParam("To", equalTo(phone))
				.willReturn(aResponse().withStatus(500)));
		CodeRequested code = publish(code("SMS", phone, code()));

		ConsumerRecord<String, String> parked = KafkaTestClient.awaitRecord(ChallengeEvent.TOPIC + ".DLT",
				(record) -> code.aggregateId().equals(record.key()), Duration.ofSeconds(40));
		await().until(() -> "FAILED".equals(status(code.eventId())));
		assertThat(attempts(code.eventId())).isEqualTo(10);
		KafkaTestClient.awaitRecord(DeliveryEvent.TOPIC, (record) -> record.value().contains(code.eventId().toString())
				&& record.value().contains("\"attempts\":10"), Duration.ofSeconds(20));
		http.get()
			.uri("/api/notifications/dead-letters")
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deadLetters[?(@.eventId == '" + code.eventId() + "')].reason")
			.isEqualTo(List.of("DeliveryAttemptFailed"));

		TestProviders.smsAcceptsEverything();
		String replay = "/api/notifications/dead-letters/{topic}/{partition}/{offset}/replay";
		http.post()
			.uri(replay, parked.topic(), parked.partition(), parked.offset())
			.headers((headers) -> headers.setBearerAuth(TestIssuer.STAFF.staffMember("SUPPORT")))
			.exchange()
			.expectStatus()
			.isForbidden();
		http.post()
			.uri(replay, parked.topic(), parked.partition(), parked.offset())
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectStatus()
			.isAccepted();

		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(code.eventId())));
		assertThat(TestProviders.sms().findAll(MessagesIntegrationTests.smsTo(phone))).hasSize(1);
		assertThat(attempts(code.eventId())).isEqualTo(11);
		http.post()
			.uri(replay, parked.topic(), parked.partition(), parked.offset())
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/dead-letter-replayed");
	}

	@Test
	void parksAMessageTheProviderRefusesWithoutRetryingAndMovesOn() {
		String refused = phone();
		TestProviders.sms()
			.stubFor(post(urlPathEqualTo(TestProviders.MESSAGES_PATH)).atPriority(1)
				.withFormParam("To", equalTo(refused))
				.willReturn(aResponse().withStatus(400)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\"}")));
		String key = UUID.randomUUID().toString();
		CodeRequested first = code("SMS", refused, code());
		KafkaTestClient.send(ChallengeEvent.TOPIC, key, json(first));
		KafkaTestClient.send(ChallengeEvent.TOPIC, key, "{\"type\":\"CodeRequested\",\"eventId\":42 poison");
		String next = phone();
		CodeRequested after = code("SMS", next, code());
		KafkaTestClient.send(ChallengeEvent.TOPIC, key, json(after));

		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(after.eventId())));
		assertThat(status(first.eventId())).isEqualTo("FAILED");
		assertThat(attempts(first.eventId())).isOne();
		assertThat(KafkaTestClient.readFor(ChallengeEvent.TOPIC + ".DLT", Duration.ofSeconds(2)))
			.filteredOn((record) -> key.equals(record.key()))
			.hasSize(2);
	}

	@Test
	void dropsAndCountsCodesAndRecoveryMessagesOverTheCaps() {
		String phone = phone();
		double cappedBefore = count("capped");
		List<UUID> codes = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			codes.add(publish(code("SMS", phone, code())).eventId());
		}
		String email = email();
		List<UUID> resets = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			resets.add(publish(reset(email, token())).eventId());
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> codes.stream().allMatch((event) -> List.of("SENT", "CAPPED").contains(status(event)))
					&& resets.stream().allMatch((event) -> List.of("SENT", "CAPPED").contains(status(event))));
		assertThat(codes.stream().filter((event) -> "SENT".equals(status(event)))).hasSize(5);
		assertThat(resets.stream().filter((event) -> "SENT".equals(status(event)))).hasSize(10);
		assertThat(TestProviders.sms().findAll(MessagesIntegrationTests.smsTo(phone))).hasSize(5);
		assertThat(TestProviders.mailsTo(email)).hasSize(10);
		assertThat(count("capped") - cappedBefore).isEqualTo(4);

		PasswordChanged notice = publish(passwordChanged(email));
		await().until(() -> "SENT".equals(status(notice.eventId())));
	}

	@Test
	void waitsForAPatientsAccountThenSendsTheReceiptOnReplay(RestTestClient http) {
		UUID account = UUID.randomUUID();
		PurchaseApproved early = publish(purchase(account));
		KafkaTestClient.awaitRecord("transaction.purchases.DLT",
				(record) -> record.value().contains(early.eventId().toString()), Duration.ofSeconds(40));
		String email = email();
		publish(approved(account, email));
		MessagesIntegrationTests.awaitMail(email);

		http.post()
			.uri("/api/notifications/dead-letters/replay")
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectStatus()
			.isAccepted();

		await().atMost(Duration.ofSeconds(20)).until(() -> TestProviders.mailsTo(email).size() == 2);
		assertThat(TestProviders.mailsTo(email).stream().map(MessagesIntegrationTests::subject))
			.contains("Your receipt from Bright Smiles Dental");
	}

	@Test
	void keepsCodesAndTokensOutOfTheLogsAndTheDeliveryLog(RestTestClient http, CapturedOutput output) {
		String smsCode = code();
		String emailCode = code();
		String failingCode = code();
		String resetToken = token();
		String activationToken = token();
		String failingPhone = phone();
		TestProviders.sms()
			.stubFor(post(urlPathEqualTo(TestProviders.MESSAGES_PATH)).atPriority(1)
				.withFormParam("To", equalTo(failingPhone))
				.willReturn(aResponse().withStatus(400).withBody("echo: " + failingCode)));
		CodeRequested bySms = publish(code("SMS", phone(), smsCode));
		CodeRequested byEmail = publish(code("EMAIL", email(), emailCode));
		CodeRequested failing = publish(code("SMS", failingPhone, failingCode));
		PasswordResetRequested reset = publish(reset(email(), resetToken));
		UserInvited invitation = publish(invited(email(), activationToken));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> List.of(bySms, byEmail, reset, invitation)
				.stream()
				.allMatch((event) -> "SENT".equals(status(event.eventId())))
					&& "FAILED".equals(status(failing.eventId())));
		String log = http.get()
			.uri("/api/notifications/deliveries?limit=500")
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String deadLetters = http.get()
			.uri("/api/notifications/dead-letters")
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(log).contains(bySms.eventId().toString()).contains(reset.eventId().toString());
		assertThat(deadLetters).contains(failing.eventId().toString());
		for (String secret : List.of(smsCode, emailCode, failingCode, resetToken, activationToken)) {
			assertThat(log).doesNotContain(secret);
			assertThat(deadLetters).doesNotContain(secret);
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(TableScan.tablesHolding(this.jdbc, secret))
				.as("tables holding a code or token (issue 21, defect 3)")
				.isEmpty();
		}
		assertThat(log).doesNotContain(failingPhone).contains("+" + "*".repeat(7) + failingPhone.substring(8));
	}

	@Test
	void showsTheDeliveryLogToOpsOnly(RestTestClient http) {
		String email = email();
		PasswordChanged changed = publish(passwordChanged(email));
		await().until(() -> "SENT".equals(status(changed.eventId())));

		for (String token : List.of(TestIssuer.STAFF.staffMember("SUPPORT"), TestIssuer.PROVIDER
			.practiceUserWith(NotificationFixtures.BRIGHT_SMILES, "PRACTICE_ADMIN", "MANAGE_USERS"))) {
			http.get()
				.uri("/api/notifications/deliveries")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		http.get()
			.uri("/api/notifications/deliveries?sourceEventId={id}", changed.eventId())
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deliveries[0].recipient")
			.isEqualTo("u***@example.test")
			.jsonPath("$.deliveries[0].template")
			.isEqualTo("password-changed")
			.jsonPath("$.deliveries[0].channel")
			.isEqualTo("EMAIL")
			.jsonPath("$.deliveries[0].status")
			.isEqualTo("SENT")
			.jsonPath("$.deliveries[0].attempts")
			.isEqualTo(1)
			.jsonPath("$.deliveries[0].providerId")
			.exists();
		http.get()
			.uri("/api/notifications/deliveries?status=LOST")
			.headers((headers) -> headers.setBearerAuth(this.opsAdmin))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.meters.find("carefin.notifications.latency").tag("template", "password-changed").timer())
			.satisfies((timer) -> assertThat(timer.count()).isPositive());
	}

	private double count(String outcome) {
		return this.meters.find("carefin.notifications.deliveries")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private String status(UUID eventId) {
		return this.jdbc.sql("SELECT status FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private int attempts(UUID eventId) {
		return this.jdbc.sql("SELECT attempts FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private int deliveries(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

}
