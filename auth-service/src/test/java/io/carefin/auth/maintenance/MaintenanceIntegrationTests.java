package io.carefin.auth.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.contracts.auth.MaintenanceEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.MovableClock;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ops turn maintenance mode on with a message and an end time and off again; each change
 * is kept with who made it and announced on {@code auth.maintenance}, keyed
 * {@code platform}; an end time that is past or more than a week ahead, a blank or long
 * message, and anyone but ops are refused without changing anything.
 */
@AuthServiceTest
class MaintenanceIntegrationTests {

	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

	private final String ops = TestIssuer.STAFF.token(UUID.randomUUID().toString())
		.claim("realm_access", Map.of("roles", List.of("OPS_ADMIN")))
		.claim("preferred_username", "ops.olivia")
		.sign();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MovableClock clock;

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opsTurnMaintenanceOnAndOffAndEachChangeIsAnnouncedOnItsTopic(RestTestClient http) {
		String message = "CareFin is down for an upgrade " + UUID.randomUUID();
		Instant until = this.clock.instant().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);

		JsonNode on = answer(turnOn(http, this.ops, message, until.toString()).expectStatus().isOk());
		assertThat(on.get("on").asBoolean()).isTrue();
		assertThat(on.get("message").asString()).isEqualTo(message);
		assertThat(Instant.parse(on.get("until").asString())).isEqualTo(until);
		assertThat(on.get("changedBy").asString()).isEqualTo("ops.olivia");
		assertThat(on.get("changedAt").isNull()).isFalse();
		assertThat(answer(status(http, this.ops).expectStatus().isOk())).isEqualTo(on);

		ConsumerRecord<String, String> announced = KafkaTestClient.awaitRecord(MaintenanceEvent.TOPIC,
				(record) -> record.value().contains(message), WITHIN_SECONDS);
		assertThat(announced.key()).isEqualTo("platform");
		JsonNode event = this.json.readTree(announced.value());
		assertThat(event.get("type").asString()).isEqualTo("MaintenanceChanged");
		assertThat(event.get("on").asBoolean()).isTrue();
		assertThat(Instant.parse(event.get("until").asString())).isEqualTo(until);

		JsonNode off = answer(turnOff(http, this.ops).expectStatus().isOk());
		assertThat(off.get("on").asBoolean()).isFalse();
		assertThat(off.get("message").isNull()).isTrue();
		assertThat(off.get("until").isNull()).isTrue();
		assertThat(off.get("changedBy").asString()).isEqualTo("ops.olivia");
		Instant turnedOffAt = Instant.parse(off.get("changedAt").asString());
		ConsumerRecord<String, String> offAnnounced = KafkaTestClient.awaitRecord(MaintenanceEvent.TOPIC,
				(record) -> record.value().contains("\"on\":false")
						&& Instant.parse(this.json.readTree(record.value()).get("occurredAt").asString())
							.equals(turnedOffAt),
				WITHIN_SECONDS);
		assertThat(offAnnounced.key()).isEqualTo("platform");

		// both changes are in the audit trail, by the ops staff member, the message as
		// the
		// reason
		List<Map<String, Object>> audited = this.jdbc.sql(
				"SELECT action, actor, reason FROM audit_entry WHERE action LIKE 'MAINTENANCE_%' AND occurred_at >= :since"
						+ " ORDER BY occurred_at")
			.param("since", Instant.parse(on.get("changedAt").asString()).atOffset(ZoneOffset.UTC))
			.query()
			.listOfRows();
		assertThat(audited).extracting((row) -> row.get("action")).containsExactly("MAINTENANCE_ON", "MAINTENANCE_OFF");
		assertThat(audited).allSatisfy((row) -> assertThat((String) row.get("actor")).contains("ops.olivia"));
		assertThat((String) audited.get(0).get("reason")).startsWith(message);
	}

	@Test
	void maintenanceEndsByItselfAtItsEndTime(RestTestClient http) {
		// within the test tokens' five minutes, which the service checks by the same
		// clock
		Instant until = this.clock.instant().plus(Duration.ofMinutes(2));
		turnOn(http, this.ops, "Back in two minutes.", until.toString()).expectStatus().isOk();
		assertThat(answer(status(http, this.ops).expectStatus().isOk()).get("on").asBoolean()).isTrue();

		this.clock.advance(Duration.ofMinutes(2));

		JsonNode over = answer(status(http, this.ops).expectStatus().isOk());
		assertThat(over.get("on").asBoolean()).isFalse();
		assertThat(over.get("changedBy").asString()).isEqualTo("ops.olivia");
	}

	@Test
	void refusesAnEndTimeItMayNotHaveAndABlankOrLongMessageWithoutChangingAnything(RestTestClient http) {
		turnOff(http, this.ops).expectStatus().isOk();
		JsonNode before = answer(status(http, this.ops).expectStatus().isOk());
		Instant now = this.clock.instant();

		for (String until : List.of(now.minusSeconds(1).toString(), now.toString(),
				now.plus(Duration.ofDays(7)).plusSeconds(1).toString())) {
			JsonNode problem = answer(turnOn(http, this.ops, "Down for an upgrade.", until).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON));
			assertThat(problem.get("type").asString()).isEqualTo("https://carefin.io/problems/invalid-request");
			assertThat(problem.get("detail").asString()).isNotBlank();
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("until");
		}
		for (String message : List.of("", "   ", "x".repeat(281))) {
			turnOn(http, this.ops, message, now.plus(Duration.ofHours(1)).toString()).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("message");
		}
		http.put()
			.uri("/api/auth/admin/maintenance")
			.headers((headers) -> headers.setBearerAuth(this.ops))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\":\"Down for an upgrade.\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("until");

		assertThat(answer(status(http, this.ops).expectStatus().isOk())).isEqualTo(before);
		turnOn(http, this.ops, "x".repeat(280), now.plus(Duration.ofDays(7)).toString()).expectStatus().isOk();
		turnOff(http, this.ops).expectStatus().isOk();
	}

	@Test
	void onlyOpsMayReadOrChangeIt(RestTestClient http) {
		String until = this.clock.instant().plus(Duration.ofHours(1)).toString();
		String practiceUser = (String) AuthFixtures.signedIn(http, this.fixtures.activeUser(), AuthFixtures.PASSWORD)
			.get("accessToken");
		for (String token : List.of(TestIssuer.STAFF.staffMember("SUPPORT"), TestIssuer.STAFF.staffMember("AUDITOR"),
				practiceUser)) {
			status(http, token).expectStatus().isForbidden();
			turnOn(http, token, "Down for an upgrade.", until).expectStatus().isForbidden();
			turnOff(http, token).expectStatus().isForbidden();
		}
		http.get().uri("/api/auth/admin/maintenance").exchange().expectStatus().isUnauthorized();
		assertThat(answer(status(http, this.ops).expectStatus().isOk()).get("message").asString(null))
			.isNotEqualTo("Down for an upgrade.");
	}

	private JsonNode answer(RestTestClient.ResponseSpec response) {
		return this.json.readTree(response.expectBody(String.class).returnResult().getResponseBody());
	}

	private static RestTestClient.ResponseSpec status(RestTestClient http, String token) {
		return http.get()
			.uri("/api/auth/admin/maintenance")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private RestTestClient.ResponseSpec turnOn(RestTestClient http, String token, String message, String until) {
		return http.put()
			.uri("/api/auth/admin/maintenance")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsString(Map.of("message", message, "until", until)))
			.exchange();
	}

	private static RestTestClient.ResponseSpec turnOff(RestTestClient http, String token) {
		return http.delete()
			.uri("/api/auth/admin/maintenance")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

}
