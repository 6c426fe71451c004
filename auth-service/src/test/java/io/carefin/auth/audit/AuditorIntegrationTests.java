package io.carefin.auth.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.testsupport.MovableClock;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditors read the security audit trail a page at a time, newest first, for inclusive
 * UTC days, and export any range as CSV streamed from the database, with formulas
 * defused; staff actions show with the staff member and their reason.
 */
@AuthServiceTest
class AuditorIntegrationTests {

	private final String auditor = TestIssuer.STAFF.staffMember("AUDITOR");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void pagesARangeNewestFirstWithTheUsersAndPracticesNames(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		UUID user = this.fixtures.idOf(userId);
		UUID practice = practiceOf(user);
		entry("2020-03-01T00:00:00Z", "SIGN_IN", "FAILED", user, practice, "self", null);
		entry("2020-03-01T12:00:00Z", "LOCK", "LOCKED", user, practice, "system", null);
		entry("2020-03-02T23:59:59Z", "UNLOCK", "SUCCEEDED", user, practice, "staff:agent-1", "Caller verified");
		entry("2020-03-03T00:00:00Z", "UNLOCK", "SUCCEEDED", user, practice, "staff:agent-1", "The next day");
		entry("2020-02-29T23:59:59Z", "UNLOCK", "SUCCEEDED", user, practice, "staff:agent-1", "The day before");

		page(http, "from=2020-03-01&to=2020-03-02&size=2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(3)
			.jsonPath("$.page")
			.isEqualTo(0)
			.jsonPath("$.size")
			.isEqualTo(2)
			.jsonPath("$.items[*].action")
			.isEqualTo(List.of("UNLOCK", "LOCK"))
			.jsonPath("$.items[0].occurredAt")
			.isEqualTo("2020-03-02T23:59:59Z")
			.jsonPath("$.items[0].userId")
			.isEqualTo(userId)
			.jsonPath("$.items[0].practiceId")
			.isEqualTo(practice.toString())
			.jsonPath("$.items[0].practiceName")
			.isEqualTo(this.jdbc.sql("SELECT name FROM practice WHERE id = :id")
				.param("id", practice)
				.query(String.class)
				.single())
			.jsonPath("$.items[0].actor")
			.isEqualTo("staff:agent-1")
			.jsonPath("$.items[0].reason")
			.isEqualTo("Caller verified")
			.jsonPath("$.items[0].outcome")
			.isEqualTo("SUCCEEDED");
		page(http, "from=2020-03-01&to=2020-03-02&size=2&page=1").expectBody()
			.jsonPath("$.items[*].action")
			.isEqualTo(List.of("SIGN_IN"));
		page(http, "from=2020-02-29&to=2020-03-03&action=UNLOCK").expectBody()
			.jsonPath("$.items[*].reason")
			.isEqualTo(List.of("The next day", "Caller verified", "The day before"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void readsTheLastSevenDaysUnlessToldOtherwise(RestTestClient http) {
		Instant now = this.clock.instant();
		String recent = "recent " + UUID.randomUUID();
		String older = "older " + UUID.randomUUID();
		entry(now.minus(Duration.ofDays(6)).toString(), "PRACTICE_CLOSE", "SUCCEEDED", null, null, "staff:o", recent);
		entry(now.atOffset(ZoneOffset.UTC)
			.toLocalDate()
			.minusDays(6)
			.atStartOfDay(ZoneOffset.UTC)
			.minusSeconds(1)
			.toString(), "PRACTICE_CLOSE", "SUCCEEDED", null, null, "staff:o", older);

		page(http, "action=PRACTICE_CLOSE&size=200").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].reason")
			.value((reasons) -> assertThat((List<Object>) reasons).contains(recent).doesNotContain(older));
	}

	@Test
	void refusesARangeItCannotRead(RestTestClient http) {
		Map<String, String> refused = Map.of("from=2020-03-02&to=2020-03-01", "from", "from=2020-01-01&to=2021-01-01",
				"to", "from=yesterday", "from", "size=201", "size", "size=0", "size", "action=BREAK_IN", "action",
				"page=-1", "page");
		refused.forEach((query, field) -> page(http, query).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invalid-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field));
		page(http, "from=2020-01-01&to=2020-12-31").expectStatus().isOk();
		http.get()
			.uri("/api/auth/audit/export?from=2020-03-02&to=2020-03-01")
			.headers((headers) -> headers.setBearerAuth(this.auditor))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void exportsMoreThanAThousandRowsAsCsvWithFormulasDefused(RestTestClient http) {
		this.jdbc.sql("""
				INSERT INTO audit_entry (id, occurred_at, action, outcome, actor, reason)
				SELECT gen_random_uuid(), TIMESTAMPTZ '2019-06-01 00:00:00Z' + n * INTERVAL '1 minute', 'SIGN_IN',
				       'FAILED', 'self', NULL
				FROM generate_series(1, 1500) AS n
				""").update();
		entry("2019-06-02T12:00:00Z", "SUSPEND", "POLICY_VIOLATION", null, null, "staff:agent-2",
				"=HYPERLINK(\"http://evil.example\",\"click\")");
		entry("2019-06-02T12:00:01Z", "UNLOCK", "SUCCEEDED", null, null, "staff:agent-2", "-1, then \"verified\"");

		String csv = http.get()
			.uri("/api/auth/audit/export?from=2019-06-01&to=2019-06-02")
			.headers((headers) -> headers.setBearerAuth(this.auditor))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment; filename=\"audit-2019-06-01-to-2019-06-02.csv\".*")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(1 + 1502);
		assertThat(lines.get(0))
			.isEqualTo("occurredAt,action,outcome,userId,practiceId,practiceName,actor,clientIp,reason");
		assertThat(lines.get(1))
			.isEqualTo("2019-06-02T12:00:01Z,UNLOCK,SUCCEEDED,,,,staff:agent-2,,\"'-1, then \"\"verified\"\"\"");
		assertThat(lines.get(2)).isEqualTo(
				"2019-06-02T12:00:00Z,SUSPEND,POLICY_VIOLATION,,,,staff:agent-2,,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
		assertThat(lines.get(1502)).startsWith("2019-06-01T00:01:00Z,SIGN_IN,FAILED");
		assertThat(csv).contains("\r\n");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aStaffMembersActionShowsWithTheirNameAndReason(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String agent = TestIssuer.STAFF.token("agent-" + UUID.randomUUID())
			.claim("realm_access", Map.of("roles", List.of("SUPPORT")))
			.claim("preferred_username", "sam.support")
			.sign();
		http.post()
			.uri("/api/auth/admin/users/{userId}/suspend", userId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"OTHER\",\"note\":\"Practice asked us to pause this user\"}")
			.exchange()
			.expectStatus()
			.isOk();

		String today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).toString();
		page(http, "from=" + today + "&to=" + today + "&action=SUSPEND&size=200").expectBody()
			.jsonPath("$.items[?(@.userId == '" + userId + "')].actor")
			.value((actors) -> assertThat((List<Object>) actors).singleElement()
				.asString()
				.startsWith("staff:agent-")
				.endsWith(" (sam.support)"))
			.jsonPath("$.items[?(@.userId == '" + userId + "')].reason")
			.isEqualTo(List.of("Practice asked us to pause this user"));
	}

	@Test
	void onlyAuditorsReadTheTrail(RestTestClient http) {
		String practiceAdmin = (String) AuthFixtures.signedIn(http, this.fixtures.activeUser(), AuthFixtures.PASSWORD)
			.get("accessToken");
		for (String token : new String[] { TestIssuer.STAFF.staffMember("SUPPORT"),
				TestIssuer.STAFF.staffMember("OPS_ADMIN"), practiceAdmin }) {
			for (String uri : new String[] { "/api/auth/audit", "/api/auth/audit/export" }) {
				http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(token))
					.exchange()
					.expectStatus()
					.isForbidden();
			}
		}
		http.get().uri("/api/auth/audit").exchange().expectStatus().isUnauthorized();
	}

	private RestTestClient.ResponseSpec page(RestTestClient http, String query) {
		return http.get()
			.uri("/api/auth/audit?" + query)
			.headers((headers) -> headers.setBearerAuth(this.auditor))
			.exchange();
	}

	private UUID practiceOf(UUID user) {
		return this.jdbc.sql("SELECT practice_id FROM practice_user WHERE id = :id")
			.param("id", user)
			.query(UUID.class)
			.single();
	}

	private void entry(String at, String action, String outcome, @Nullable UUID user, @Nullable UUID practice,
			String actor, @Nullable String reason) {
		this.jdbc.sql("""
				INSERT INTO audit_entry (id, occurred_at, action, outcome, user_id, practice_id, actor, reason)
				VALUES (:id, :at, :action, :outcome, :user, :practice, :actor, :reason)
				""")
			.param("id", UUID.randomUUID())
			.param("at", Instant.parse(at).atOffset(ZoneOffset.UTC))
			.param("action", action)
			.param("outcome", outcome)
			.param("user", user)
			.param("practice", practice)
			.param("actor", actor)
			.param("reason", reason)
			.update();
	}

}
