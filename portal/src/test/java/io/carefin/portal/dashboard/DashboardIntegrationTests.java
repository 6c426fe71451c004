package io.carefin.portal.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;

import com.github.tomakehurst.wiremock.matching.UrlPattern;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.WorkspaceFixtures;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class DashboardIntegrationTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

	static final String ENDING = "/api/accounts/promotions/ending";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.mePermitted("PROCESS_PURCHASES", "PROCESS_APPLICATIONS", "VIEW_REPORTS");
		summary(TODAY, TODAY, 2, 1, 1, "1", 1, "1200.00", "0.00");
		summary(TODAY.withDayOfMonth(1), TODAY, 10, 6, 2, "0.75", 7, "23456.78", "150.00");
		summary(TODAY.minusDays(29), TODAY, 20, 12, 4, "0.75", 15, "45000.00", "300.00");
		Gateway.server().stubFor(get(urlPathEqualTo("/api/reports/daily-funding")).willReturn(okJson("""
				{"from": "2026-11-01", "to": "2026-12-07", "practiceId": null, "days": [],
				 "totals": {"settledPurchases": 5, "gross": 10000.00, "refundsBeforeSettlement": 0.00,
				            "refundsAfterSettlement": 0.00, "refunds": 0.00, "voids": 0, "voidAmount": 0.00,
				            "merchantFees": 400.00, "netFunding": 9600.00}}
				""")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/transactions/purchases")).withQueryParam("to", equalTo(TODAY.toString()))
				.willReturn(okJson("[" + WorkspaceFixtures.purchase("APPROVED", "1200.00", "0.00", "1200.00") + "]")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/promotions")).willReturn(okJson(WorkspaceFixtures.plans())));
		Gateway.server()
			.stubFor(get(urlPathEqualTo(ENDING)).withQueryParam("days", equalTo("60"))
				.withQueryParam("limit", equalTo("10"))
				.willReturn(okJson("""
						[{"accountId": "%s", "last4": "4242",
						  "patient": {"firstName": "Rosa", "lastName": "Diaz", "birthYear": 1984},
						  "purchaseId": "3c3c3c3c-3c3c-4c3c-8c3c-3c3c3c3c3c3c", "planCode": "DEFERRED_12",
						  "endDate": "%s", "remaining": 1800.00, "monthlyPayoff": 900.00}]
						""".formatted(WorkspaceFixtures.ACCOUNT_ID, TODAY.plusDays(20)))));
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	static void summary(LocalDate from, LocalDate to, int submitted, int approved, int declined, String rate,
			int purchases, String volume, String refunds) {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/summary")).withQueryParam("from", equalTo(from.toString()))
				.withQueryParam("to", equalTo(to.toString()))
				.willReturn(
						okJson("""
								{"from": "%s", "to": "%s", "practiceId": null,
								 "applications": {"submitted": %d, "approved": %d, "declined": %d, "pending": %d, "approvalRate": %s},
								 "purchases": {"count": %d, "volume": %s, "averageTicket": null},
								 "refunds": {"count": 1, "amount": %s}, "voids": {"count": 0, "amount": 0.00},
								 "byPlan": [{"plan": "DEFERRED_12", "purchases": %d, "volume": %s},
								            {"plan": "FIXED_24", "purchases": 1, "volume": 500.00}]}
								"""
							.formatted(from, to, submitted, approved, declined, submitted - approved - declined, rate,
									purchases, volume, refunds, purchases, volume))));
	}

	@Test
	void theDashboardShowsTodayThisMonthAndTheLast30DaysFromTheReports() {
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		Element activity = dashboard.html().getElementById("activity");
		assertThat(activity.select("thead th").eachText()).containsExactly("Figure", "Today", "This month",
				"From " + TODAY.minusDays(29) + " to " + TODAY);
		assertThat(row(activity, "Applications")).isEqualTo("Applications 2 10 20");
		assertThat(row(activity, "Approval rate")).isEqualTo("Approval rate 100.0% 75.0% 75.0%");
		assertThat(row(activity, "Purchase volume")).isEqualTo("Purchase volume $1,200.00 $23,456.78 $45,000.00");
		assertThat(row(activity, "Net funding")).isEqualTo("Net funding $9,600.00 $9,600.00 $9,600.00");
	}

	@Test
	void eachChartIsAnSvgTheServerDrawsWithItsFiguresInATable() {
		Page dashboard = this.browser.get("/dashboard");
		Element chart = dashboard.html()
			.selectFirst("figure#volume-chart, figure[aria-labelledby=volume-chart-caption]");
		assertThat(chart).isNotNull();
		Element svg = chart.selectFirst("svg");
		assertThat(svg.attr("role")).isEqualTo("img");
		assertThat(svg.attr("aria-describedby")).isEqualTo("volume-chart-table");
		assertThat(svg.select("rect.chart-bar").eachAttr("width")).containsExactly("480", "5");
		assertThat(dashboard.html().select("#volume-chart-table tbody tr").eachText()).containsExactly(
				"No interest if paid in full in 12 months $45,000.00 (15)",
				"14.90% APR with 24 fixed payments $500.00 (1)");
		assertThat(dashboard.html().select("#applications-chart-table tbody tr").eachText())
			.containsExactly("Approved 12", "Declined 4", "Pending review 4");
	}

	@Test
	void recentTransactionsAndPromotionsEndingWithin60DaysAreListedByTheirPlansNames() {
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.html().select("section[aria-labelledby=recent-title] tbody tr").eachText())
			.containsExactly("2026-12-07 •••• 4242 14.90% APR with 24 fixed payments Approved $1,200.00 $0.00");
		assertThat(dashboard.html().select("section[aria-labelledby=ending-title] tbody tr").eachText())
			.containsExactly("Rosa Diaz •••• 4242 No interest if paid in full in 12 months " + TODAY.plusDays(20)
					+ " $1,800.00 $900.00");
		assertThat(dashboard.html().selectFirst("section[aria-labelledby=ending-title] tbody a").attr("href"))
			.isEqualTo("/accounts/" + WorkspaceFixtures.ACCOUNT_ID);
		Gateway.server().verify(1, getRequestedFor(urlPathEqualTo(ENDING)));
		Gateway.server().verify(1, getRequestedFor(urlEqualTo("/api/transactions/promotions")));
		Gateway.server().verify(0, getRequestedFor(urlPathMatching("/api/accounts/[0-9a-f-]{36}")));
		Gateway.server().verify(1, getRequestedFor(urlPathEqualTo("/api/transactions/purchases")));
	}

	@Test
	void recentTransactionsAskForTheNewest10OfTheLast30DaysOnly() {
		this.browser.get("/dashboard");
		Gateway.server()
			.verify(1,
					getRequestedFor(urlPathEqualTo("/api/transactions/purchases"))
						.withQueryParam("from", equalTo(TODAY.minusDays(30).toString()))
						.withQueryParam("to", equalTo(TODAY.toString()))
						.withQueryParam("limit", equalTo("10")));
	}

	@Test
	void everyCallMadeSideBySideCarriesTheUsersTokenTheBrowsersAddressAndTheRequestsId() {
		this.browser.withHeader("X-Client-Address", "203.0.113.9").withHeader("X-Request-Id", "req-dashboard-0042");
		assertThat(this.browser.get("/dashboard").status()).isEqualTo(200);
		eachCarriesThem(1, urlEqualTo("/api/transactions/promotions"));
		eachCarriesThem(1, urlPathEqualTo("/api/transactions/purchases"));
		eachCarriesThem(1, urlPathEqualTo(ENDING));
		eachCarriesThem(3, urlPathEqualTo("/api/reports/summary"));
		eachCarriesThem(3, urlPathEqualTo("/api/reports/daily-funding"));
	}

	private static void eachCarriesThem(int calls, UrlPattern url) {
		Gateway.server().verify(calls, getRequestedFor(url));
		Gateway.server()
			.verify(calls,
					getRequestedFor(url).withHeader("Authorization", equalTo("Bearer " + Gateway.ACCESS_TOKEN))
						.withHeader("X-Forwarded-For", equalTo("203.0.113.9"))
						.withHeader("X-Request-Id", equalTo("req-dashboard-0042")));
	}

	@Test
	void withThePromotionsQueryDownThatSectionSaysSoAndTheRestStillWorks() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo(ENDING))
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.html().selectFirst("section[aria-labelledby=ending-title]").text())
			.contains("These promotions can't be shown right now.");
		assertThat(dashboard.html().select("section[aria-labelledby=recent-title] tbody tr")).hasSize(1);
	}

	@Test
	void withoutThePlansTheirCodesAreShown() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/promotions"))
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.html().select("section[aria-labelledby=recent-title] tbody tr").eachText())
			.containsExactly("2026-12-07 •••• 4242 FIXED_24 Approved $1,200.00 $0.00");
	}

	@Test
	void aBadRangeGetsASentenceAndTheDefaultFigures() {
		Page dashboard = this.browser.get("/dashboard?from=2026-12-31&to=2026-01-01");
		assertThat(dashboard.html().select(".error-summary li").eachText())
			.containsExactly("The start date must be on or before the end date.");
		Page typo = this.browser.get("/dashboard?from=yesterday&to=" + TODAY);
		assertThat(typo.html().select(".error-summary li").eachText())
			.containsExactly("Enter the start date as a date, like 2026-11-24.");
		assertThat(typo.html().getElementById("activity")).isNotNull();
	}

	@Test
	void aUserWithoutTheReportsPermissionSeesNoFiguresAndTheReportsAreNotAsked() {
		Gateway.mePermitted("PROCESS_PURCHASES");
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.html().getElementById("activity")).isNull();
		assertThat(dashboard.html().select("a").eachText()).contains("New purchase").doesNotContain("New application");
		Gateway.server().verify(0, getRequestedFor(urlPathEqualTo("/api/reports/summary")));
	}

	@Test
	void withTheReportsDownTheRestOfTheDashboardStillWorks() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/summary"))
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.text()).contains("The practice's figures can't be shown right now.");
		assertThat(dashboard.html().select("section[aria-labelledby=recent-title] tbody tr")).hasSize(1);
	}

	private static String row(Element table, String heading) {
		return table.select("tbody tr")
			.stream()
			.filter((row) -> row.selectFirst("th").text().equals(heading))
			.findFirst()
			.orElseThrow()
			.text();
	}

}
