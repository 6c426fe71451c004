package io.carefin.portal.staff;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.Staff;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure every console page owes assistive technology, checked on each page with
 * its forms and tables filled: one heading 1, a main landmark the skip link reaches,
 * every form control named by a label of its own, unique ids, every table captioned with
 * scoped headers, no inline script or style. (The end-to-end suite runs axe-core on the
 * pages in Chromium.)
 */
@PortalIntegrationTest
class StaffPagesAccessibilityIntegrationTests {

	static final String PRACTICE_ID = "3c3c3c3c-3c3c-4c3c-8c3c-3c3c3c3c3c3c";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedInWithEveryRole() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
		Staff.signIn(this.browser, "all.roles", "SUPPORT", "OPS_ADMIN", "AUDITOR");
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/auth/admin/users")).willReturn(okJson("{\"items\": ["
					+ SupportIntegrationTests.status("LOCKED", true) + "], \"page\": 0, \"size\": 20, \"total\": 1}")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/auth/admin/users/dr.ames"))
				.willReturn(okJson(SupportIntegrationTests.status("INVITED", false))));
		Gateway.server().stubFor(get(urlPathEqualTo("/api/auth/admin/users/dr.ames/events")).willReturn(okJson("""
				[{"occurredAt": "2026-12-07T10:00:00Z", "action": "LOCK", "outcome": "PERMANENT", "actor": null,
				  "clientIp": "203.0.113.9", "reason": null}]
				""")));
		Gateway.server().stubFor(get(urlPathEqualTo("/api/transactions/applications")).willReturn(okJson("""
				[{"applicationId": "7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7a", "practiceName": "Lakeside",
				  "submittedAt": "2026-12-07T09:00:00Z", "requestedAmount": 4000.00, "keyedBy": "STAFF",
				  "firstName": "Rosa", "lastName": "Diaz", "ssnLast4": "6789", "reasons": []},
				 {"applicationId": "7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7b", "practiceName": "Lakeside",
				  "submittedAt": "2026-12-07T09:05:00Z", "requestedAmount": 900.00, "keyedBy": "PATIENT",
				  "firstName": "Ana", "lastName": "Ruiz", "ssnLast4": "1111", "reasons": []}]
				""")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/auth/admin/practices"))
				.willReturn(okJson("[" + OperationsIntegrationTests.practice("OPEN") + "]")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/auth/admin/practices/" + PRACTICE_ID))
				.willReturn(okJson(OperationsIntegrationTests.practice("OPEN"))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/admin/practices/" + PRACTICE_ID + "/promotions")).willReturn(
					okJson("""
							{"practiceId": "%s", "plans": [
							  {"code": "DEFERRED_12", "name": "No interest if paid in full in 12 months", "kind": "DEFERRED_INTEREST", "months": 12, "apr": 0.00, "enabled": true}]}
							"""
						.formatted(PRACTICE_ID))));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/security")).willReturn(
					okJson("""
							{"from": "2026-12-01", "to": "2026-12-07",
							 "days": [{"businessDay": "2026-12-06", "practiceId": null,
							           "figures": {"signInsSucceeded": 4, "signInsFailed": 7, "secondFactorFailures": 2, "lockouts": 1, "permanentLocks": 0, "suspensions": 0}}],
							 "totals": {"signInsSucceeded": 4, "signInsFailed": 7, "secondFactorFailures": 2, "lockouts": 1, "permanentLocks": 0, "suspensions": 0}}
							""")));
		Gateway.server()
			.stubFor(get(urlPathMatching("/api/[a-z]+/dead-letters")).willReturn(
					okJson("""
							{"deadLetters": [{"topic": "dlt", "partition": 0, "offset": 5, "key": "k1", "originalTopic": "auth.events",
							  "parkedAt": "2026-12-07T09:00:00Z", "exception": "boom", "replayedAt": null},
							 {"topic": "dlt", "partition": 1, "offset": 7, "key": "k2", "originalTopic": "auth.events",
							  "parkedAt": "2026-12-07T09:00:00Z", "exception": "boom", "replayedAt": null}]}
							""")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/notifications/deliveries")).willReturn(
					okJson("""
							{"deliveries": [{"id": "9d9d9d9d-9d9d-4d9d-8d9d-9d9d9d9d9d9d", "template": "password-reset", "channel": "EMAIL",
							  "recipient": "a***@lakeside.example", "status": "SENT", "attempts": 1, "createdAt": "2026-12-07T09:00:00Z"}]}
							""")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/auth/admin/maintenance"))
				.willReturn(okJson("{\"on\": true, \"message\": \"Back at 4\", \"until\": \"2099-01-01T04:00:00Z\"}")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/auth/audit"))
				.willReturn(okJson("{\"items\": [], \"page\": 0, \"size\": 50, \"total\": 120}")));
	}

	@Test
	void everyConsolePageIsStructuredForAssistiveTechnology() {
		List<String> paths = List.of("/staff/sign-in", "/staff", "/staff/users?q=ames", "/staff/users/dr.ames",
				"/staff/accounts", "/staff/applications", "/staff/practices", "/staff/practices/new",
				"/staff/practices/" + PRACTICE_ID, "/staff/security?from=2026-12-01&to=2026-12-07",
				"/staff/dead-letters", "/staff/deliveries", "/staff/maintenance",
				"/staff/audit?from=2026-11-01&to=2026-11-30");
		for (String path : paths) {
			Page page = this.browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			Document html = page.html();
			assertThat(html.select("html[lang=en]")).as(path + " language").hasSize(1);
			assertThat(html.title()).as(path + " title").isNotBlank();
			assertThat(html.select("h1")).as(path + " heading 1").hasSize(1);
			assertThat(html.select("main#main")).as(path + " main landmark").hasSize(1);
			assertThat(html.select("script:not([src]), [style]")).as(path + " inline script or style").isEmpty();
			Set<String> ids = new HashSet<>();
			html.select("[id]")
				.forEach((element) -> assertThat(ids.add(element.id())).as(path + " unique id " + element.id())
					.isTrue());
			for (Element control : html.select("input:not([type=hidden]), select, textarea")) {
				assertThat(control.id()).as(path + " a control's id: " + control).isNotBlank();
				assertThat(html.select("label[for=" + control.id() + "]")).as(path + " the label of #" + control.id())
					.hasSize(1)
					.allSatisfy((label) -> assertThat(label.text()).isNotBlank());
			}
			for (Element table : html.select("table")) {
				assertThat(table.select("> caption")).as(path + " a table's caption").hasSize(1);
				assertThat(table.select("th:not([scope])")).as(path + " headers' scope").isEmpty();
			}
			for (Element button : html.select("button, a")) {
				assertThat(button.text()).as(path + " a button's or link's name: " + button).isNotBlank();
			}
			for (Element form : html.select("form[method=post]")) {
				assertThat(form.select("input[name=_csrf]")).as(path + " CSRF token of " + form.attr("action"))
					.hasSize(1);
			}
		}
	}

}
