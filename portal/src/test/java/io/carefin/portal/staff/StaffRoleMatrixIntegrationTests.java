package io.carefin.portal.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.Staff;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each staff role against each console page and action, a practice session against every
 * console path, and a staff session against the practice's pages.
 */
@PortalIntegrationTest
class StaffRoleMatrixIntegrationTests {

	static final String PRACTICE_ID = "3c3c3c3c-3c3c-4c3c-8c3c-3c3c3c3c3c3c";

	/**
	 * Each console page, and the role it belongs to ({@code null}: every staff role).
	 */
	static final Map<String, String> PAGES = pages();

	/**
	 * Each console action (a form's post), and the role it belongs to.
	 */
	static final Map<String, String> ACTIONS = actions();

	static final List<String> PRACTICE_PAGES = List.of("/dashboard", "/applications", "/applications/new", "/purchases",
			"/purchases/new", "/accounts", "/reports", "/team", "/promotions", "/profile", "/resources");

	@LocalServerPort
	int port;

	@BeforeEach
	void answers() {
		Gateway.reset();
		Gateway.server().stubFor(get(urlPathEqualTo("/api/transactions/applications")).willReturn(okJson("[]")));
		Gateway.server().stubFor(get(urlPathEqualTo("/api/auth/admin/practices")).willReturn(okJson("[]")));
		Gateway.server().stubFor(get(urlEqualTo("/api/auth/admin/practices/" + PRACTICE_ID)).willReturn(okJson("""
				{"id": "%s", "name": "Harbor Dental", "status": "OPEN"}
				""".formatted(PRACTICE_ID))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/admin/practices/" + PRACTICE_ID + "/promotions"))
				.willReturn(okJson("{\"practiceId\": \"" + PRACTICE_ID + "\", \"plans\": []}")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/security")).willReturn(
					okJson("""
							{"from": "2026-12-01", "to": "2026-12-07", "days": [],
							 "totals": {"signInsSucceeded": 0, "signInsFailed": 0, "secondFactorFailures": 0, "lockouts": 0, "permanentLocks": 0, "suspensions": 0}}
							""")));
		Gateway.server()
			.stubFor(get(urlPathMatching("/api/[a-z]+/dead-letters")).willReturn(okJson("{\"deadLetters\": []}")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/notifications/deliveries")).willReturn(okJson("{\"deliveries\": []}")));
		Gateway.server().stubFor(get(urlEqualTo("/api/auth/admin/maintenance")).willReturn(okJson("{\"on\": false}")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/auth/audit"))
				.willReturn(okJson("{\"items\": [], \"page\": 0, \"size\": 50, \"total\": 0}")));
	}

	@Test
	void eachStaffRoleOpensItsOwnPagesAndIsRefusedTheOthers() {
		for (String role : List.of("SUPPORT", "OPS_ADMIN", "AUDITOR")) {
			Browser browser = Browser.on(this.port);
			Staff.signIn(browser, "someone." + role.toLowerCase(), role);
			PAGES.forEach((path, owner) -> {
				Page page = browser.get(path);
				int expected = (owner == null || owner.equals(role)) ? 200 : 403;
				assertThat(page.status()).as(role + " GET " + path).isEqualTo(expected);
			});
			Page home = browser.get("/staff");
			assertThat(home.html().select("nav[aria-label=Console] a").eachAttr("href")).as("the navigation of " + role)
				.allSatisfy((href) -> assertThat(PAGES.get(href)).isIn(null, role));
		}
	}

	@Test
	void eachStaffRoleIsRefusedTheOtherRolesActionsAndNothingReachesTheApi() {
		for (String role : List.of("SUPPORT", "OPS_ADMIN", "AUDITOR")) {
			Browser browser = Browser.on(this.port);
			Staff.signIn(browser, "someone." + role.toLowerCase(), role);
			String csrf = csrf(browser.get("/staff"));
			Gateway.server().resetRequests();
			ACTIONS.forEach((path, owner) -> {
				if (!owner.equals(role)) {
					Page refused = browser.post(path, Map.of("_csrf", csrf, "reason", "trying"));
					assertThat(refused.status()).as(role + " POST " + path).isEqualTo(403);
				}
			});
			Gateway.server().verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
		}
	}

	@Test
	void aPracticeSessionNeverReachesTheConsole() {
		Gateway.signInSucceeds(600);
		Browser practice = Browser.on(this.port);
		practice.signIn();
		Page dashboardOrAny = practice.get("/profile");
		String csrf = dashboardOrAny.html().selectFirst("meta[name=_csrf]").attr("content");
		Gateway.server().resetRequests();
		PAGES.keySet().forEach((path) -> {
			Page page = practice.get(path);
			assertThat(page.status()).as("a practice user GET " + path).isEqualTo(403);
			assertThat(page.text()).doesNotContain("Staff console");
		});
		ACTIONS.keySet()
			.forEach((path) -> assertThat(practice.post(path, Map.of("_csrf", csrf, "reason", "x")).status())
				.as("a practice user POST " + path)
				.isEqualTo(403));
		Gateway.server()
			.verify(0, anyRequestedFor(
					urlPathMatching("/api/(auth/admin|auth/audit|accounts|transactions|reports|notifications).*")));
	}

	@Test
	void aStaffSessionNeverActsAsAPractice() {
		Browser staff = Browser.on(this.port);
		Staff.signIn(staff, "support.agent", "SUPPORT");
		String csrf = csrf(staff.get("/staff"));
		Gateway.server().resetRequests();
		PRACTICE_PAGES.forEach((path) -> assertThat(staff.get(path).status()).as("staff GET " + path).isEqualTo(403));
		assertThat(staff.post("/accounts", Map.of("_csrf", csrf, "accountNumber", "6011000990139424")).status())
			.isEqualTo(403);
		assertThat(staff.post("/purchases", Map.of("_csrf", csrf)).status()).isEqualTo(403);
		Gateway.server().verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
	}

	private static String csrf(Page page) {
		return page.html().selectFirst("input[name=_csrf]").val();
	}

	private static Map<String, String> pages() {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/staff", null);
		pages.put("/staff/users", "SUPPORT");
		pages.put("/staff/accounts", "SUPPORT");
		pages.put("/staff/applications", "SUPPORT");
		pages.put("/staff/practices", "OPS_ADMIN");
		pages.put("/staff/practices/new", "OPS_ADMIN");
		pages.put("/staff/practices/" + PRACTICE_ID, "OPS_ADMIN");
		pages.put("/staff/security", "OPS_ADMIN");
		pages.put("/staff/dead-letters", "OPS_ADMIN");
		pages.put("/staff/deliveries", "OPS_ADMIN");
		pages.put("/staff/maintenance", "OPS_ADMIN");
		pages.put("/staff/audit", "AUDITOR");
		return pages;
	}

	private static Map<String, String> actions() {
		Map<String, String> actions = new LinkedHashMap<>();
		actions.put("/staff/users/dr.ames/unlock", "SUPPORT");
		actions.put("/staff/users/dr.ames/suspend", "SUPPORT");
		actions.put("/staff/users/dr.ames/reactivate", "SUPPORT");
		actions.put("/staff/users/dr.ames/invitation", "SUPPORT");
		actions.put("/staff/accounts", "SUPPORT");
		actions.put("/staff/accounts/0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "SUPPORT");
		actions.put("/staff/applications/7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7a/decision", "SUPPORT");
		actions.put("/staff/practices", "OPS_ADMIN");
		actions.put("/staff/practices/" + PRACTICE_ID, "OPS_ADMIN");
		actions.put("/staff/practices/" + PRACTICE_ID + "/promotions", "OPS_ADMIN");
		actions.put("/staff/practices/" + PRACTICE_ID + "/close", "OPS_ADMIN");
		actions.put("/staff/dead-letters/notifications/replay", "OPS_ADMIN");
		actions.put("/staff/dead-letters/notifications/notification-service.dlt/0/5/replay", "OPS_ADMIN");
		actions.put("/staff/maintenance", "OPS_ADMIN");
		actions.put("/staff/maintenance/off", "OPS_ADMIN");
		return actions;
	}

}
