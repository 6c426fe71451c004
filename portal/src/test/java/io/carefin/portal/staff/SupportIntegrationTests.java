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
import io.carefin.portal.WorkspaceFixtures;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class SupportIntegrationTests {

	static final String USER = "/api/auth/admin/users/dr.ames";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void signedInAsSupport() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
		Staff.signIn(this.browser, "support.agent", "SUPPORT");
	}

	static String status(String status, boolean permanently) {
		return """
				{"userId": "dr.ames", "practiceId": "%s", "practiceName": "%s", "practiceCode": "LAKESIDE",
				 "email": "ames@lakeside.example", "role": "PRACTICE_ADMIN", "status": "%s",
				 "lockedUntil": null, "lockedPermanently": %s, "stepUpRequired": false, "suspensionReason": null,
				 "lastSignInAt": "2026-12-01T14:00:00Z"}
				""".formatted(Gateway.PRACTICE_ID, Gateway.PRACTICE, status, permanently);
	}

	void userIs(String status, boolean permanently) {
		Gateway.server().stubFor(get(urlEqualTo(USER)).willReturn(okJson(status(status, permanently))));
		Gateway.server().stubFor(get(urlPathEqualTo(USER + "/events")).willReturn(okJson("""
				[{"occurredAt": "2026-12-07T10:00:00Z", "action": "LOCKED", "outcome": "PERMANENT",
				  "actor": null, "clientIp": "203.0.113.9", "reason": null}]
				""")));
	}

	List<Map<String, Object>> audit(String reason) {
		return this.jdbc.queryForList("SELECT * FROM staff_action WHERE reason LIKE ?", "%" + reason + "%");
	}

	@Test
	void supportFindsALockedPracticeUserAndUnlocksThemWithAReasonThatIsAudited() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/auth/admin/users")).withQueryParam("q", equalTo("ames"))
				.willReturn(okJson(
						"{\"items\": [" + status("LOCKED", true) + "], \"page\": 0, \"size\": 20, \"total\": 1}")));
		userIs("LOCKED", true);
		Gateway.server().stubFor(post(urlEqualTo(USER + "/unlock")).willReturn(okJson(status("ACTIVE", false))));
		Page search = this.browser.get("/staff/users");
		assertThat(search.field("User ID, e-mail or practice").attr("name")).isEqualTo("q");
		Page found = this.browser.get("/staff/users?q=ames");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.html().select("tbody tr").eachText()).containsExactly(
				"dr.ames Lakeside Family Dental ames@lakeside.example PRACTICE_ADMIN Locked until support unlocks 1 Dec 2026, 14:00:00 UTC");
		Page user = this.browser.get(found.link("dr.ames").attr("href"));
		assertThat(user.html().getElementById("status").text()).isEqualTo("Locked until support unlocks");
		assertThat(user.text()).contains("203.0.113.9");
		String reason = "Called from the practice, identity checked " + UUID.randomUUID();
		Page done = this.browser.form(user, "Unlock").fill("Reason for unlocking", reason).press();
		assertThat(done.status()).isEqualTo(302);
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo(USER + "/unlock"))
				.withRequestBody(equalToJson("{\"reason\": \"" + reason + "\"}")));
		assertThat(this.browser.follow(done).text()).contains("dr.ames is unlocked.");
		assertThat(audit(reason)).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("username", "support.agent")
				.containsEntry("role", "SUPPORT")
				.containsEntry("action", "UNLOCK_USER")
				.containsEntry("target", "dr.ames")
				.containsEntry("outcome", "DONE");
			assertThat(row.get("subject")).isNotNull();
		});
	}

	@Test
	void anActionWithoutAReasonIsRefusedWithASentenceAndChangesNothing() {
		userIs("LOCKED", true);
		Page user = this.browser.get("/staff/users/dr.ames");
		Page refused = this.browser.form(user, "Unlock").press();
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("Give the reason for this change; it goes in the audit trail.");
		Page suspend = this.browser.form(user, "Suspend").fill("Note for the suspension", "no policy chosen").press();
		assertThat(suspend.status()).isEqualTo(400);
		assertThat(suspend.text()).contains("Choose the policy reason for the suspension.");
		Gateway.server().verify(0, postRequestedFor(urlPathMatching("/api/auth/admin/users/.*")));
		assertThat(audit("no policy chosen")).isEmpty();
	}

	@Test
	void aSuspensionSendsThePolicyReasonAndTheNote() {
		userIs("ACTIVE", false);
		Gateway.server().stubFor(post(urlEqualTo(USER + "/suspend")).willReturn(okJson(status("SUSPENDED", false))));
		Page user = this.browser.get("/staff/users/dr.ames");
		String note = "Shared password seen " + UUID.randomUUID();
		Page done = this.browser.form(user, "Suspend")
			.fill("Policy reason for the suspension", "POLICY_VIOLATION")
			.fill("Note for the suspension", note)
			.press();
		assertThat(done.status()).isEqualTo(302);
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo(USER + "/suspend"))
				.withRequestBody(equalToJson("{\"reason\": \"POLICY_VIOLATION\", \"note\": \"" + note + "\"}")));
		assertThat(audit(note)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("action", "SUSPEND_USER"));
	}

	@Test
	void aRefusedActionIsShownAsTheApisSentenceAndAuditedAsRefused() {
		userIs("LOCKED", true);
		Gateway.server()
			.stubFor(post(urlEqualTo(USER + "/unlock"))
				.willReturn(Gateway.problem(409, "user-not-locked", "dr.ames is not locked.", "[]")));
		Page user = this.browser.get("/staff/users/dr.ames");
		String reason = "Practice asked " + UUID.randomUUID();
		Page done = this.browser.form(user, "Unlock").fill("Reason for unlocking", reason).press();
		assertThat(this.browser.follow(done).text()).contains("dr.ames is not locked.");
		assertThat(audit(reason)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("outcome", "REFUSED"));
	}

	@Test
	void aPatientAccountIsFoundAndOpenedOnlyWithAStatedReasonSentToTheApiAndAudited() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/accounts")).withQueryParam("accountNumber", equalTo("6011000990139424"))
				.willReturn(okJson("""
						[{"accountId": "%s", "last4": "9424", "status": "ACTIVE",
						  "patient": {"firstName": "Rosa", "lastName": "Diaz", "dateOfBirth": null, "birthYear": 1984}}]
						""".formatted(WorkspaceFixtures.ACCOUNT_ID))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID))
				.willReturn(okJson(WorkspaceFixtures.account("1800.00", "3200.00"))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/activity"))
				.willReturn(okJson("[]")));
		Page lookup = this.browser.get("/staff/accounts");
		Page withoutReason = this.browser.form(lookup, "Find account")
			.fill("Account number", "6011000990139424")
			.press();
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.text()).contains("Say why you need to see this patient's account.");
		Gateway.server().verify(0, getRequestedFor(urlPathMatching("/api/accounts.*")));

		String reason = "Patient called about a payment, case " + UUID.randomUUID();
		Page found = this.browser.form(lookup, "Find account")
			.fill("Reason for access", reason)
			.fill("Account number", "6011 0009 9013 9424")
			.press();
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).doesNotContain("6011000990139424").doesNotContain("6011 0009");
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/accounts")).withHeader("X-Access-Reason", equalTo(reason)));
		Page account = this.browser.form(found, "Open Rosa Diaz, account ending in 9424").press();
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.heading()).isEqualTo("Rosa Diaz");
		assertThat(account.html().getElementById("balance").text()).isEqualTo("$1,800.00");
		assertThat(account.text()).contains("Account ending in 4242")
			.doesNotContain("1984-03-09")
			.doesNotContain("rosa@example.com");
		Gateway.server()
			.verify(getRequestedFor(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID))
				.withHeader("X-Access-Reason", equalTo(reason)));
		assertThat(audit(reason)).extracting((row) -> row.get("action") + " " + row.get("target"))
			.containsExactlyInAnyOrder("LOOKUP_ACCOUNT account number ending in 9424",
					"VIEW_ACCOUNT " + WorkspaceFixtures.ACCOUNT_ID);
		assertThat(this.jdbc.queryForList("SELECT target FROM staff_action", String.class))
			.noneMatch((target) -> target.contains("6011000990139424"));
	}

	@Test
	void aPendingApplicationIsApprovedWithACreditLimitAndTheDecisionIsAudited() {
		String id = "7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7a";
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/transactions/applications"))
				.withQueryParam("status", equalTo("PENDING_REVIEW"))
				.willReturn(okJson("""
						[{"applicationId": "%s", "practiceId": "%s", "practiceName": "%s",
						  "submittedAt": "2026-12-07T09:00:00Z", "requestedAmount": 4000.00, "keyedBy": "STAFF",
						  "firstName": "Rosa", "lastName": "Diaz", "ssnLast4": "6789", "reasons": ["THIN_FILE"]}]
						""".formatted(id, Gateway.PRACTICE_ID, Gateway.PRACTICE))));
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/transactions/applications/" + id + "/decision"))
				.willReturn(okJson("{\"applicationId\": \"" + id + "\", \"status\": \"APPROVED\"}")));
		Page list = this.browser.get("/staff/applications");
		assertThat(list.text()).contains("Rosa Diaz, $4,000.00").contains("THIN_FILE").doesNotContain("SSN 123");
		String reason = "Income verified by phone " + UUID.randomUUID();
		Page done = this.browser.form(list, "Record the decision")
			.choose("Approve")
			.fill("Credit limit, in dollars, when approving", "3500")
			.fill("Reason for the decision", reason)
			.press();
		assertThat(done.status()).isEqualTo(302);
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/transactions/applications/" + id + "/decision")).withRequestBody(
					equalToJson("{\"decision\": \"APPROVED\", \"creditLimit\": 3500.00, \"reasons\": []}")));
		assertThat(audit(reason)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("action", "APPROVE_APPLICATION")
				.containsEntry("target", id));
	}

	@Test
	void aDecisionWithoutAReasonIsRefused() {
		String id = "7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7b";
		Gateway.server().stubFor(get(urlPathEqualTo("/api/transactions/applications")).willReturn(okJson("""
				[{"applicationId": "%s", "practiceId": null, "practiceName": "Lakeside",
				  "submittedAt": "2026-12-07T09:00:00Z", "requestedAmount": 4000.00, "keyedBy": "STAFF",
				  "firstName": "Rosa", "lastName": "Diaz", "ssnLast4": "6789", "reasons": []}]
				""".formatted(id))));
		Gateway.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
		Page list = this.browser.get("/staff/applications");
		Page refused = this.browser.form(list, "Record the decision").choose("Decline").press();
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("Give the reason for the decision; it goes in the audit trail.");
		Gateway.server().verify(0, postRequestedFor(urlPathMatching("/api/transactions/.*")));
	}

}
