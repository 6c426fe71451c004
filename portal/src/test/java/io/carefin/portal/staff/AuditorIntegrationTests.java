package io.carefin.portal.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.Staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class AuditorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void signedInAsAuditor() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
		Staff.signIn(this.browser, "auditor", "AUDITOR");
	}

	@Test
	void theSecurityTrailIsReadForTheChosenDaysAndActionAPageAtATime() {
		Gateway.server().stubFor(get(urlPathEqualTo("/api/auth/audit")).willReturn(okJson("""
				{"items": [{"occurredAt": "2026-11-03T10:00:00Z", "action": "UNLOCK", "outcome": "SUCCESS",
				  "userId": "dr.ames", "practiceId": "%s", "practiceName": "%s", "actor": "staff:support.agent",
				  "clientIp": "203.0.113.9", "reason": "Called from the practice"}],
				 "page": 1, "size": 50, "total": 120}
				""".formatted(Gateway.PRACTICE_ID, Gateway.PRACTICE))));
		Page trail = this.browser.get("/staff/audit?trail=security&from=2026-11-01&to=2026-11-30&action=UNLOCK&page=1");
		assertThat(trail.status()).isEqualTo(200);
		assertThat(trail.html().select("tbody tr").eachText()).containsExactly(
				"3 Nov 2026, 10:00:00 UTC UNLOCK SUCCESS dr.ames Lakeside Family Dental staff:support.agent 203.0.113.9 Called from the practice");
		assertThat(trail.text()).contains("Page 2 of 3");
		assertThat(trail.link("Next page").attr("href")).contains("page=2").contains("from=2026-11-01");
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/auth/audit")).withQueryParam("from", equalTo("2026-11-01"))
				.withQueryParam("to", equalTo("2026-11-30"))
				.withQueryParam("action", equalTo("UNLOCK"))
				.withQueryParam("page", equalTo("1"))
				.withQueryParam("size", equalTo("50")));
	}

	@Test
	void theSupportAccessTrailShowsWhoReadWhichAccountAndWhyByTheirUsernameWhenTheConsoleKnowsIt() {
		String subject = UUID.randomUUID().toString();
		this.jdbc.update("""
				INSERT INTO staff_action (id, occurred_at, subject, username, role, action, target, reason, outcome)
				VALUES (?, now(), ?, 'support.agent', 'SUPPORT', 'VIEW_ACCOUNT', 'an account', 'Patient called', 'DONE')
				""", UUID.randomUUID(), subject);
		Gateway.server().stubFor(get(urlPathEqualTo("/api/accounts/audit")).willReturn(okJson("""
				{"items": [{"occurredAt": "2026-11-04T10:00:00Z", "actor": "staff:%s", "reason": "Patient called",
				  "accountId": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "action": "READ_SUMMARY"},
				 {"occurredAt": "2026-11-04T09:00:00Z", "actor": "staff:someone-else", "reason": "Dispute",
				  "accountId": "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "action": "READ_ACTIVITY"}],
				 "page": 0, "size": 50, "total": 2}
				""".formatted(subject))));
		Page trail = this.browser.get("/staff/audit?trail=support&from=2026-11-01&to=2026-11-30");
		assertThat(trail.html().select("tbody tr").eachText()).containsExactly(
				"4 Nov 2026, 10:00:00 UTC support.agent (staff:" + subject
						+ ") 0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a READ_SUMMARY Patient called",
				"4 Nov 2026, 09:00:00 UTC staff:someone-else 0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a READ_ACTIVITY Dispute");
	}

	@Test
	void theConsolesOwnActionsShowAndExportAsCsv() {
		String reason = "Unlock after a phone call, " + UUID.randomUUID();
		this.jdbc.update("""
				INSERT INTO staff_action (id, occurred_at, subject, username, role, action, target, reason, outcome)
				VALUES (?, ?, 'subject-1', 'support.agent', 'SUPPORT', 'UNLOCK_USER', 'dr.ames', ?, 'DONE')
				""", UUID.randomUUID(), Timestamp.from(Instant.parse("2025-02-03T10:00:00Z")), reason);
		Page trail = this.browser.get("/staff/audit?trail=console&from=2025-02-03&to=2025-02-03");
		assertThat(trail.html().select("tbody tr").eachText())
			.containsExactly("3 Feb 2025, 10:00:00 UTC support.agent SUPPORT UNLOCK_USER dr.ames " + reason + " DONE");
		Page csv = this.browser.get("/staff/audit/export?trail=console&from=2025-02-03&to=2025-02-03");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("console-audit-2025-02-03-to-2025-02-03.csv");
		assertThat(csv.body()).isEqualTo("occurredAt,username,subject,role,action,target,reason,outcome\r\n"
				+ "2025-02-03T10:00:00Z,support.agent,subject-1,SUPPORT,UNLOCK_USER,dr.ames,\"" + reason
				+ "\",DONE\r\n");
	}

	@Test
	void theServicesCsvExportsOfAnyRangeArePassedThrough() {
		StringBuilder body = new StringBuilder("occurredAt,action\r\n");
		for (int row = 0; row < 20_000; row++) {
			body.append("2020-01-01T00:00:00Z,SIGN_IN ").append(row).append("\r\n");
		}
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/auth/audit/export"))
				.willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(body.toString())));
		Page csv = this.browser.get("/staff/audit/export?trail=security&from=2020-01-01&to=2026-11-30");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).isEqualTo(body.toString());
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/auth/audit/export"))
				.withQueryParam("from", equalTo("2020-01-01"))
				.withQueryParam("to", equalTo("2026-11-30")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/accounts/audit/export"))
				.willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("occurredAt,actor\r\n")));
		assertThat(this.browser.get("/staff/audit/export?trail=support&from=2026-11-01&to=2026-11-30").body())
			.isEqualTo("occurredAt,actor\r\n");
	}

	@Test
	void anUnreadableDateIsASentenceAndNoCall() {
		Gateway.server().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
		Page page = this.browser.get("/staff/audit?trail=security&from=yesterday&to=2026-11-30");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.text()).contains("Enter the start date as a date, like 2026-11-24.");
		Gateway.server().verify(0, getRequestedFor(urlPathEqualTo("/api/auth/audit")));
	}

}
