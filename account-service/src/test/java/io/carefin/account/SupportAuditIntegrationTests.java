package io.carefin.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's view of the support-access audit against real PostgreSQL: pages over a
 * range of days, newest first, the range's limits, and the whole range as CSV without a
 * row cap.
 */
@ServiceIntegrationTest
class SupportAuditIntegrationTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	JdbcClient jdbc;

	private final String auditor = TestIssuer.STAFF.staffMember("AUDITOR");

	@Test
	void pagesAnAccountsTrailNewestFirstWithinTheRangeOfDays(RestTestClient http) {
		UUID account = UUID.randomUUID();
		for (int day = 1; day <= 5; day++) {
			entry(instant(LocalDate.of(2011, 4, day), 12), "staff:agent-" + day, "ticket " + day, account,
					"READ_SUMMARY");
		}
		entry(instant(LocalDate.of(2011, 4, 6), 0), "staff:late", "after the range", account, "READ_SUMMARY");
		entry(instant(LocalDate.of(2011, 4, 3), 13), "staff:other", "another account", UUID.randomUUID(),
				"READ_SUMMARY");

		http.get()
			.uri("/api/accounts/audit?from=2011-04-02&to=2011-04-05&accountId={id}&page=0&size=3", account)
			.headers((headers) -> headers.setBearerAuth(this.auditor))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(4)
			.jsonPath("$.page")
			.isEqualTo(0)
			.jsonPath("$.size")
			.isEqualTo(3)
			.jsonPath("$.items[*].reason")
			.isEqualTo(List.of("ticket 5", "ticket 4", "ticket 3"));
		http.get()
			.uri("/api/accounts/audit?from=2011-04-02&to=2011-04-05&accountId={id}&page=1&size=3", account)
			.headers((headers) -> headers.setBearerAuth(this.auditor))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].reason")
			.isEqualTo(List.of("ticket 2"))
			.jsonPath("$.items[0].actor")
			.isEqualTo("staff:agent-2")
			.jsonPath("$.items[0].accountId")
			.isEqualTo(account.toString());
	}

	@Test
	void refusesARangeBackwardsLongerThanAYearOrAPageTooLarge(RestTestClient http) {
		for (String query : List.of("from=2020-02-02&to=2020-02-01", "from=2020-01-01&to=2021-01-01", "size=201",
				"size=0", "page=-1", "from=yesterday")) {
			http.get()
				.uri("/api/accounts/audit?" + query)
				.headers((headers) -> headers.setBearerAuth(this.auditor))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType("application/problem+json");
		}
		http.get()
			.uri("/api/accounts/audit?from=2020-01-01&to=2020-12-31&size=200")
			.headers((headers) -> headers.setBearerAuth(this.auditor))
			.exchange()
			.expectStatus()
			.isOk();
		for (String query : List.of("from=2020-02-02&to=2020-02-01", "from=2020-01-01&to=2021-01-01")) {
			http.get()
				.uri("/api/accounts/audit/export?" + query)
				.headers((headers) -> headers.setBearerAuth(this.auditor))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
	}

	@Test
	void exportsTheWholeRangeAsCsvPastAThousandRowsWithFormulasDefused(RestTestClient http) {
		LocalDate day = LocalDate.of(2009, 7, 14);
		UUID account = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO support_audit (id, occurred_at, actor, reason, account_id, action)
				SELECT gen_random_uuid(), :at + n * interval '1 second', 'staff:bulk', 'bulk ' || n, :account,
				       'READ_ACTIVITY'
				FROM generate_series(1, 1200) AS n
				""").param("at", instant(day, 8).atOffset(ZoneOffset.UTC)).param("account", account).update();
		entry(instant(day, 20), "staff:quoted", "=HYPERLINK(\"http://x\"), then \"more\"", null, "LOOKUP_BY_NAME");
		entry(instant(day.plusDays(1), 9), "staff:next-day", "outside", account, "READ_SUMMARY");

		String csv = http.get()
			.uri("/api/accounts/audit/export?from=2009-07-14&to=2009-07-14")
			.headers((headers) -> headers.setBearerAuth(this.auditor))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(1 + 1200 + 1);
		assertThat(lines.get(0)).isEqualTo("occurredAt,actor,reason,accountId,action");
		assertThat(lines.get(1)).isEqualTo(
				"2009-07-15T00:00:00Z,staff:quoted,\"'=HYPERLINK(\"\"http://x\"\"), then \"\"more\"\"\",,LOOKUP_BY_NAME");
		assertThat(lines.get(2)).startsWith("2009-07-14T12:20:00Z,staff:bulk,bulk 1200," + account);
		assertThat(lines.get(1201)).startsWith("2009-07-14T12:00:01Z,staff:bulk,bulk 1,");
		assertThat(csv).contains("\r\n").doesNotContain("outside");
	}

	private void entry(Instant at, String actor, String reason, UUID account, String action) {
		this.jdbc.sql("""
				INSERT INTO support_audit (id, occurred_at, actor, reason, account_id, action)
				VALUES (:id, :at, :actor, :reason, :account, :action)
				""")
			.param("id", UUID.randomUUID())
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("actor", actor)
			.param("reason", reason)
			.param("account", account)
			.param("action", action)
			.update();
	}

	private static Instant instant(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(NEW_YORK).toInstant();
	}

}
