package io.carefin.portal.staff;

import java.util.List;
import java.util.Map;
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
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class OperationsIntegrationTests {

	static final String PRACTICE_ID = "3c3c3c3c-3c3c-4c3c-8c3c-3c3c3c3c3c3c";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void signedInAsOps() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
		Staff.signIn(this.browser, "ops.admin", "OPS_ADMIN");
	}

	List<Map<String, Object>> audit(String reason) {
		return this.jdbc.queryForList("SELECT * FROM staff_action WHERE reason LIKE ?", "%" + reason + "%");
	}

	static String practice(String status) {
		return """
				{"id": "%s", "name": "Harbor Dental", "merchantId": "400077880", "practiceCode": "HARBOR",
				 "timeZone": "America/Chicago",
				 "address": {"line1": "1 Harbor Way", "line2": null, "city": "Chicago", "state": "IL", "postalCode": "60601"},
				 "supportContact": {"name": "Hana Lee", "email": "hana@harbor.example", "phone": "+1 312 555 0100"},
				 "status": "%s", "closedReason": null, "enrolledAt": "2026-12-07T10:00:00Z", "closedAt": null}
				"""
			.formatted(PRACTICE_ID, status);
	}

	void practicePageAnswers() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/auth/admin/practices/" + PRACTICE_ID)).willReturn(okJson(practice("OPEN"))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/admin/practices/" + PRACTICE_ID + "/promotions")).willReturn(
					okJson("""
							{"practiceId": "%s", "plans": [
							  {"code": "DEFERRED_12", "name": "No interest if paid in full in 12 months", "kind": "DEFERRED_INTEREST", "months": 12, "apr": 0.00, "enabled": true},
							  {"code": "FIXED_24", "name": "14.90 %% APR, 24 fixed monthly payments", "kind": "REDUCED_APR", "months": 24, "apr": 14.90, "enabled": false}]}
							"""
						.formatted(PRACTICE_ID))));
	}

	@Test
	void opsEnrolsAPracticeWithItsFirstAdministratorAndPlans() {
		Gateway.server()
			.stubFor(
					post(urlEqualTo("/api/auth/admin/practices")).willReturn(okJson(practice("OPEN")).withStatus(201)));
		Gateway.server()
			.stubFor(put(urlEqualTo("/api/transactions/admin/practices/" + PRACTICE_ID + "/promotions"))
				.willReturn(okJson("{\"practiceId\": \"" + PRACTICE_ID + "\", \"plans\": []}")));
		practicePageAnswers();
		Page form = this.browser.get("/staff/practices/new");
		String reason = "Contract signed, ticket " + UUID.randomUUID();
		Page enrolled = this.browser.form(form, "Enrol the practice")
			.fill("Practice name", "Harbor Dental")
			.fill("Merchant ID", "400077880")
			.fill("Practice code", "HARBOR")
			.fill("Time zone", "America/Chicago")
			.fill("Street address", "1 Harbor Way")
			.fill("City", "Chicago")
			.fill("State", "il")
			.fill("ZIP code", "60601")
			.fill("Contact name", "Hana Lee")
			.fill("Contact e-mail", "hana@harbor.example")
			.fill("Contact phone", "+1 312 555 0100")
			.fill("Administrator's user ID", "hana.lee")
			.fill("Administrator's e-mail", "hana@harbor.example")
			.check("No interest if paid in full in 12 months")
			.fill("Reason for the enrolment", reason)
			.press();
		assertThat(enrolled.status()).isEqualTo(302);
		assertThat(enrolled.location()).endsWith("/staff/practices/" + PRACTICE_ID);
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/admin/practices")).withRequestBody(equalToJson(
					"""
							{"name": "Harbor Dental", "merchantId": "400077880", "practiceCode": "HARBOR", "timeZone": "America/Chicago",
							 "address": {"line1": "1 Harbor Way", "line2": null, "city": "Chicago", "state": "IL", "postalCode": "60601"},
							 "supportContact": {"name": "Hana Lee", "email": "hana@harbor.example", "phone": "+1 312 555 0100"},
							 "admin": {"userId": "hana.lee", "email": "hana@harbor.example"}}
							""")));
		Gateway.server()
			.verify(putRequestedFor(urlEqualTo("/api/transactions/admin/practices/" + PRACTICE_ID + "/promotions"))
				.withRequestBody(equalToJson("{\"codes\": [\"DEFERRED_12\"]}")));
		assertThat(this.browser.follow(enrolled).text()).contains("Harbor Dental is enrolled");
		assertThat(audit(reason)).extracting((row) -> row.get("action") + " " + row.get("outcome"))
			.containsExactlyInAnyOrder("ENROL_PRACTICE DONE", "CHOOSE_PROMOTIONS DONE");
	}

	@Test
	void anIncompleteEnrolmentNamesEachMissingFieldAndCallsNothing() {
		Page form = this.browser.get("/staff/practices/new");
		Page refused = this.browser.form(form, "Enrol the practice").fill("Practice name", "Harbor Dental").press();
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("Enter the practice's merchant ID: 6 to 20 digits.")
			.contains("Enter the support contact's phone number.")
			.contains("Enter the first administrator's user ID.")
			.contains("Give the reason for this change; it goes in the audit trail.");
		Gateway.server().verify(0, postRequestedFor(urlPathMatching("/api/.*")));
	}

	@Test
	void opsClosesAPracticeWithAReason() {
		practicePageAnswers();
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/auth/admin/practices/" + PRACTICE_ID + "/close"))
				.willReturn(okJson(practice("CLOSED"))));
		Page page = this.browser.get("/staff/practices/" + PRACTICE_ID);
		assertThat(page.heading()).isEqualTo("Harbor Dental");
		assertThat(this.browser.form(page, "Close the practice").press().status()).isEqualTo(400);
		String reason = "Practice sold " + UUID.randomUUID();
		Page closed = this.browser.form(page, "Close the practice").fill("Reason for closing", reason).press();
		assertThat(closed.status()).isEqualTo(302);
		Gateway.server()
			.verify(1, postRequestedFor(urlEqualTo("/api/auth/admin/practices/" + PRACTICE_ID + "/close"))
				.withRequestBody(equalToJson("{\"reason\": \"" + reason + "\"}")));
		assertThat(audit(reason)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("action", "CLOSE_PRACTICE"));
	}

	@Test
	void theSecurityReportIsDrawnAsChartsWithTheirFiguresInTables() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/security")).willReturn(
					okJson("""
							{"from": "2026-12-01", "to": "2026-12-07", "practiceId": null,
							 "days": [{"businessDay": "2026-12-06", "practiceId": "%s",
							           "figures": {"signInsSucceeded": 40, "signInsFailed": 7, "secondFactorFailures": 2, "lockouts": 1, "permanentLocks": 0, "suspensions": 0}}],
							 "totals": {"signInsSucceeded": 40, "signInsFailed": 7, "secondFactorFailures": 2, "lockouts": 1, "permanentLocks": 0, "suspensions": 0}}
							"""
						.formatted(Gateway.PRACTICE_ID))));
		Page report = this.browser.get("/staff/security?from=2026-12-01&to=2026-12-07");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.html().select("svg[role=img]")).hasSize(2);
		assertThat(report.html().select("#security-totals-table tbody tr").eachText()).contains("Failed passwords 7",
				"Lockouts 1");
		assertThat(report.html().select("#security-failures-table tbody tr").eachText())
			.containsExactly("2026-12-06 9");
		Gateway.server()
			.verify(com.github.tomakehurst.wiremock.client.WireMock
				.getRequestedFor(urlPathEqualTo("/api/reports/security"))
				.withQueryParam("from", equalTo("2026-12-01"))
				.withQueryParam("to", equalTo("2026-12-07")));
	}

	@Test
	void eachServicesDeadLettersAreListedAServiceThatFailsIsASentenceAndARecordIsReplayedWithAReason() {
		Gateway.server().stubFor(get(urlEqualTo("/api/notifications/dead-letters")).willReturn(okJson("""
				{"deadLetters": [{"topic": "notification-service.dlt", "partition": 0, "offset": 5, "key": "k1",
				  "originalTopic": "auth.events", "eventType": "UserLocked", "eventId": null,
				  "parkedAt": "2026-12-07T09:00:00Z", "reason": "template missing", "replayedAt": null}]}
				""")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/dead-letters")).willReturn(okJson("{\"deadLetters\": []}")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/dead-letters")).willReturn(aResponse().withStatus(503)));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/reports/dead-letters")).willReturn(okJson("{\"deadLetters\": []}")));
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/notifications/dead-letters/notification-service.dlt/0/5/replay"))
				.willReturn(okJson("{}").withStatus(202)));
		Page page = this.browser.get("/staff/dead-letters");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("template missing")
			.contains("transaction-service's dead letters could not be read just now.");
		Page refused = this.browser.form(page, "Replay notification-service.dlt 0/5").press();
		assertThat(refused.status()).isEqualTo(400);
		Gateway.server().verify(0, postRequestedFor(urlPathMatching(".*/replay")));
		String reason = "Template fixed " + UUID.randomUUID();
		Page replayed = this.browser.form(page, "Replay notification-service.dlt 0/5")
			.fill("Reason for replaying notification-service.dlt 0/5", reason)
			.press();
		assertThat(replayed.status()).isEqualTo(302);
		Gateway.server()
			.verify(postRequestedFor(
					urlEqualTo("/api/notifications/dead-letters/notification-service.dlt/0/5/replay")));
		assertThat(audit(reason)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("action", "REPLAY_DEAD_LETTER")
				.containsEntry("target", "notifications notification-service.dlt/0/5"));
	}

	@Test
	void theDeliveryLogIsShownWithoutMessages() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/notifications/deliveries")).willReturn(
					okJson("""
							{"deliveries": [{"id": "9d9d9d9d-9d9d-4d9d-8d9d-9d9d9d9d9d9d", "sourceEventId": "8d8d8d8d-8d8d-4d8d-8d8d-8d8d8d8d8d8d",
							  "template": "password-reset", "channel": "EMAIL", "recipient": "a***@lakeside.example", "status": "SENT",
							  "attempts": 1, "createdAt": "2026-12-07T09:00:00Z", "sentAt": "2026-12-07T09:00:01Z", "lastError": null}]}
							""")));
		Page page = this.browser.get("/staff/deliveries?status=SENT&channel=EMAIL");
		assertThat(page.html().select("tbody tr").eachText()).singleElement()
			.satisfies((row) -> assertThat(row).contains("password-reset EMAIL a***@lakeside.example SENT 1"));
		Gateway.server()
			.verify(com.github.tomakehurst.wiremock.client.WireMock
				.getRequestedFor(urlPathEqualTo("/api/notifications/deliveries"))
				.withQueryParam("status", equalTo("SENT"))
				.withQueryParam("channel", equalTo("EMAIL")));
	}

	@Test
	void maintenanceModeIsTurnedOnWithAMessageAndEndTimeAndOffEachWithAReason() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/auth/admin/maintenance")).willReturn(
					okJson("""
							{"on": true, "message": "Back at 4", "until": "2099-01-01T04:00:00Z", "changedBy": "ops.admin", "changedAt": "2026-12-07T01:00:00Z"}
							""")));
		Gateway.server().stubFor(put(urlEqualTo("/api/auth/admin/maintenance")).willReturn(okJson("{\"on\": true}")));
		Gateway.server()
			.stubFor(delete(urlEqualTo("/api/auth/admin/maintenance")).willReturn(aResponse().withStatus(204)));
		Page page = this.browser.get("/staff/maintenance");
		assertThat(page.heading()).isEqualTo("Maintenance mode");
		assertThat(page.text()).contains("Maintenance mode is on").contains("Back at 4");
		String reason = "Database upgrade " + UUID.randomUUID();
		Page on = this.browser.form(page, "Turn maintenance mode on")
			.fill("Message for every page", "CareFin is down until 4 a.m. Eastern.")
			.fill("Ends at (UTC)", "2099-01-01T09:00")
			.fill("Reason", reason)
			.press();
		assertThat(on.status()).isEqualTo(302);
		Gateway.server()
			.verify(putRequestedFor(urlEqualTo("/api/auth/admin/maintenance")).withRequestBody(equalToJson(
					"{\"message\": \"CareFin is down until 4 a.m. Eastern.\", \"until\": \"2099-01-01T09:00:00Z\"}")));
		Page withoutReason = this.browser.form(page, "Turn maintenance mode off").press();
		assertThat(withoutReason.status()).isEqualTo(400);
		Gateway.server().verify(0, deleteRequestedFor(urlEqualTo("/api/auth/admin/maintenance")));
		Page off = this.browser.form(page, "Turn maintenance mode off")
			.fill("Reason for turning it off", reason)
			.press();
		assertThat(off.status()).isEqualTo(302);
		Gateway.server().verify(1, deleteRequestedFor(urlEqualTo("/api/auth/admin/maintenance")));
		assertThat(audit(reason)).extracting((row) -> row.get("action"))
			.containsExactlyInAnyOrder("START_MAINTENANCE", "END_MAINTENANCE");
	}

}
