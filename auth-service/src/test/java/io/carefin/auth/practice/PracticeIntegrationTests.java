package io.carefin.auth.practice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.contracts.auth.PracticeEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ops enrol a practice with its first administrator, who activates from the e-mailed
 * link; change its details; and close it, which signs its users out within seconds and
 * refuses them at sign-in. Each step is announced on {@code auth.practices} and audited
 * with the staff member as actor.
 */
@AuthServiceTest
class PracticeIntegrationTests {

	private final String ops = TestIssuer.STAFF.token("ops-7")
		.claim("realm_access", Map.of("roles", List.of("OPS_ADMIN")))
		.claim("preferred_username", "olivia.ops")
		.sign();

	private final String support = TestIssuer.STAFF.staffMember("SUPPORT");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opsEnrolAPracticeWhoseAdministratorActivatesFromTheEmailedLink(RestTestClient http) throws Exception {
		Enrolment enrolment = Enrolment.random();

		String location = enrol(http, this.ops, enrolment.json()).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(enrolment.name())
			.jsonPath("$.practiceCode")
			.isEqualTo(enrolment.code())
			.jsonPath("$.merchantId")
			.isEqualTo(enrolment.merchantId())
			.jsonPath("$.timeZone")
			.isEqualTo("America/Chicago")
			.jsonPath("$.address.state")
			.isEqualTo("WI")
			.jsonPath("$.address.line2")
			.isEmpty()
			.jsonPath("$.supportContact.email")
			.isEqualTo("office@lakeview.example")
			.jsonPath("$.status")
			.isEqualTo("OPEN")
			.jsonPath("$.closedReason")
			.isEmpty()
			.jsonPath("$.closedAt")
			.isEmpty()
			.jsonPath("$.enrolledAt")
			.isNotEmpty()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(location).isEqualTo("/api/auth/admin/practices/" + id);
		get(http, this.support, location).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id.toString());
		get(http, this.ops, "/api/auth/admin/practices?q=" + enrolment.code().substring(2).toLowerCase()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(id.toString()));

		String token = AuthFixtures.activationToken(enrolment.adminId());
		http.post()
			.uri("/api/auth/users/activate")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\":\"%s\",\"password\":\"the first admin's passphrase\"}".formatted(token))
			.exchange()
			.expectStatus()
			.isNoContent();
		String accessToken = (String) AuthFixtures.signedIn(http, enrolment.adminId(), "the first admin's passphrase")
			.get("accessToken");
		var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
		assertThat(claims.getStringClaim("practice_id")).isEqualTo(id.toString());
		assertThat(claims.getStringListClaim("roles")).containsExactly("PRACTICE_ADMIN");
		assertThat(claims.getStringListClaim("permissions")).containsExactlyInAnyOrder("PROCESS_PURCHASES",
				"PROCESS_REFUNDS", "PROCESS_APPLICATIONS", "VIEW_REPORTS", "MANAGE_USERS", "MANAGE_PROMOTIONS",
				"POST_PAYMENTS");

		ConsumerRecord<String, String> enrolled = awaitEvent(id, "PracticeEnrolled");
		assertThat(enrolled.value()).contains("\"practiceCode\":\"" + enrolment.code() + "\"")
			.contains("\"merchantId\":\"" + enrolment.merchantId() + "\"")
			.contains("\"timeZone\":\"America/Chicago\"")
			.doesNotContain(enrolment.adminId() + "@")
			.doesNotContain("office@lakeview.example");
		assertThat(audit(id, "PRACTICE_ENROL")).containsExactly("staff:ops-7 (olivia.ops) SUCCEEDED");
	}

	@Test
	void refusesInvalidFieldsAndEnrolsNothing(RestTestClient http) {
		Enrolment enrolment = Enrolment.random();
		Map<String, String> invalid = Map.of("merchantId", enrolment.json().replace(enrolment.merchantId(), "12AB"),
				"practiceCode", enrolment.json().replace(enrolment.code().toLowerCase(), "NO SPACES"), "timeZone",
				enrolment.json().replace("America/Chicago", "Mars/Olympus_Mons"), "address.state",
				enrolment.json().replace("\"wi\"", "\"Wisconsin\""), "supportContact.email",
				enrolment.json().replace("office@lakeview.example", "not an address"), "admin.userId",
				enrolment.json().replace("\"userId\":\"" + enrolment.adminId(), "\"userId\":\"a b"));
		invalid.forEach((field, body) -> enrol(http, this.ops, body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invalid-request")
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of(field)));
		enrol(http, this.ops, "{\"name\":\"" + enrolment.name() + "\"}").expectStatus().isBadRequest();

		assertThat(this.jdbc.sql("SELECT count(*) FROM practice WHERE name = :name")
			.param("name", enrolment.name())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void refusesATakenPracticeCodeMerchantIdOrUserId(RestTestClient http) {
		Enrolment first = Enrolment.random();
		enrol(http, this.ops, first.json()).expectStatus().isCreated();

		Enrolment second = Enrolment.random();
		String sameCode = second.json().replace(second.code().toLowerCase(), first.code().toLowerCase());
		String sameMerchant = second.json().replace(second.merchantId(), first.merchantId());
		String sameAdmin = second.json().replace(second.adminId(), first.adminId().toUpperCase());
		String reservedAdmin = second.json().replace(second.adminId(), "Support");
		Map.of(sameCode, "practice-code-taken", sameMerchant, "merchant-id-taken", sameAdmin, "user-id-unavailable",
				reservedAdmin, "user-id-unavailable")
			.forEach((body, type) -> enrol(http, this.ops, body).expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/" + type));

		assertThat(this.jdbc.sql("SELECT count(*) FROM practice WHERE name = :name")
			.param("name", second.name())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM practice_user WHERE lower(user_id) = lower(:userId)")
			.param("userId", second.adminId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void opsChangeAPracticesDetailsAndTheRestStays(RestTestClient http) {
		Enrolment enrolment = Enrolment.random();
		UUID id = enrolled(http, enrolment);
		Enrolment other = Enrolment.random();
		enrol(http, this.ops, other.json()).expectStatus().isCreated();

		change(http, this.ops, id, "{\"name\":\"Lakeview Smiles\",\"timeZone\":\"America/Denver\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Lakeview Smiles")
			.jsonPath("$.timeZone")
			.isEqualTo("America/Denver")
			.jsonPath("$.practiceCode")
			.isEqualTo(enrolment.code())
			.jsonPath("$.address.city")
			.isEqualTo("Madison");
		assertThat(awaitEvent(id, "PracticeChanged").value()).contains("\"name\":\"Lakeview Smiles\"")
			.contains("\"timeZone\":\"America/Denver\"");
		assertThat(
				this.jdbc.sql("SELECT reason FROM audit_entry WHERE practice_id = :id AND action = 'PRACTICE_CHANGE'")
					.param("id", id)
					.query(String.class)
					.list())
			.containsExactly("changed name, timeZone");

		change(http, this.ops, id, "{\"timeZone\":\"Somewhere/Else\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("timeZone");
		change(http, this.ops, id, "{\"name\":\"  \"}").expectStatus().isBadRequest();
		change(http, this.ops, id, "{\"practiceCode\":\"" + other.code() + "\"}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/practice-code-taken");
		get(http, this.ops, "/api/auth/admin/practices/" + id).expectBody()
			.jsonPath("$.timeZone")
			.isEqualTo("America/Denver")
			.jsonPath("$.practiceCode")
			.isEqualTo(enrolment.code());
		change(http, this.ops, UUID.randomUUID(), "{\"name\":\"Nowhere\"}").expectStatus().isNotFound();
	}

	@Test
	void closingAPracticeSignsItsUsersOutWithinSecondsAndRefusesThemAtSignIn(RestTestClient http) {
		UUID practice = this.fixtures.practice("Closing Dental " + UUID.randomUUID());
		String userId = "closing-" + UUID.randomUUID();
		this.fixtures.user(practice, userId, userId + "@example.test", "PRACTICE_ADMIN", "ACTIVE",
				this.fixtures.passwordHash());
		String stranger = this.fixtures.activeUser();
		Map<String, Object> signedIn = AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD);
		String accessToken = (String) signedIn.get("accessToken");
		String otherPractice = (String) AuthFixtures.signedIn(http, stranger, AuthFixtures.PASSWORD).get("accessToken");
		team(http, accessToken).expectStatus().isOk();
		byte[] wrongPassword = AuthFixtures.signIn(http, userId, "not the password")
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();

		close(http, practice, "{\"reason\":\"\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		close(http, practice, "{\"reason\":\"Practice sold; contract ended\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED")
			.jsonPath("$.closedReason")
			.isEqualTo("Practice sold; contract ended")
			.jsonPath("$.closedAt")
			.isNotEmpty();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> team(http, accessToken).expectStatus().isUnauthorized());
		team(http, otherPractice).expectStatus().isOk();
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD)
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.json(new String(wrongPassword, StandardCharsets.UTF_8));
		http.post()
			.uri("/api/auth/token/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"refreshToken\":\"" + signedIn.get("refreshToken") + "\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(awaitEvent(practice, "PracticeClosed").value()).contains("Practice sold; contract ended");
		assertThat(audit(practice, "PRACTICE_CLOSE")).hasSize(1);

		close(http, practice, "{\"reason\":\"Again\"}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/practice-closed");
		change(http, this.ops, practice, "{\"name\":\"Reopened?\"}").expectStatus().isEqualTo(409);
	}

	@Test
	void supportReadsPracticesAndOnlyOpsChangeThem(RestTestClient http) {
		UUID id = enrolled(http, Enrolment.random());
		String practiceAdmin = (String) AuthFixtures.signedIn(http, this.fixtures.activeUser(), AuthFixtures.PASSWORD)
			.get("accessToken");
		String auditor = TestIssuer.STAFF.staffMember("AUDITOR");

		get(http, this.support, "/api/auth/admin/practices").expectStatus().isOk();
		get(http, this.support, "/api/auth/admin/practices/" + UUID.randomUUID()).expectStatus().isNotFound();
		for (String token : new String[] { this.support, auditor, practiceAdmin }) {
			enrol(http, token, Enrolment.random().json()).expectStatus().isForbidden();
			change(http, token, id, "{\"name\":\"Taken over\"}").expectStatus().isForbidden();
			http.post()
				.uri("/api/auth/admin/practices/{id}/close", id)
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"reason\":\"Not mine to close\"}")
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		for (String token : new String[] { auditor, practiceAdmin }) {
			get(http, token, "/api/auth/admin/practices").expectStatus().isForbidden();
			get(http, token, "/api/auth/admin/practices/" + id).expectStatus().isForbidden();
		}
		get(http, this.ops, "/api/auth/admin/practices/" + id).expectBody().jsonPath("$.status").isEqualTo("OPEN");
	}

	private UUID enrolled(RestTestClient http, Enrolment enrolment) {
		String location = enrol(http, this.ops, enrolment.json()).expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private static RestTestClient.ResponseSpec enrol(RestTestClient http, String token, String body) {
		return http.post()
			.uri("/api/auth/admin/practices")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private static RestTestClient.ResponseSpec change(RestTestClient http, String token, UUID id, String body) {
		return http.patch()
			.uri("/api/auth/admin/practices/{id}", id)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec close(RestTestClient http, UUID id, String body) {
		return http.post()
			.uri("/api/auth/admin/practices/{id}/close", id)
			.headers((headers) -> headers.setBearerAuth(this.ops))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private static RestTestClient.ResponseSpec get(RestTestClient http, String token, String uri) {
		return http.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static RestTestClient.ResponseSpec team(RestTestClient http, String token) {
		return http.get().uri("/api/auth/users").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static ConsumerRecord<String, String> awaitEvent(UUID practice, String type) {
		return KafkaTestClient.awaitRecord(PracticeEvent.TOPIC, (record) -> practice.toString().equals(record.key())
				&& record.value().contains("\"type\":\"" + type + "\""), Duration.ofSeconds(20));
	}

	private List<String> audit(UUID practice, String action) {
		return this.jdbc
			.sql("SELECT actor || ' ' || outcome FROM audit_entry WHERE practice_id = :practice AND action = :action")
			.param("practice", practice)
			.param("action", action)
			.query(String.class)
			.list();
	}

	/**
	 * A valid enrolment with its own name, code, merchant ID and admin user ID.
	 */
	record Enrolment(String name, String code, String merchantId, String adminId) {

		static Enrolment random() {
			String tag = UUID.randomUUID().toString().substring(0, 8);
			return new Enrolment("Lakeview Dental " + tag, "LV-" + tag.toUpperCase(),
					String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)),
					"admin." + tag);
		}

		String json() {
			return """
					{"name":"%s","merchantId":"%s","practiceCode":"%s","timeZone":"America/Chicago",
					 "address":{"line1":"1 Lake Street","line2":"","city":"Madison","state":"wi","postalCode":"53703"},
					 "supportContact":{"name":"Lee Lake","email":"office@lakeview.example","phone":"+1 555 555 0112"},
					 "admin":{"userId":"%s","email":"%s@lakeview.example"}}
					""".formatted(this.name, this.merchantId, this.code.toLowerCase(), this.adminId, this.adminId);
		}

	}

}
