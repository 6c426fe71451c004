package io.carefin.portal.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class ReportsIntegrationTests {

	static final String RANGE = "from=2026-11-01&to=2026-11-30";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.mePermitted("VIEW_REPORTS");
		Gateway.server().stubFor(get(urlPathEqualTo("/api/reports/summary")).willReturn(okJson("""
				{"from": "2026-11-01", "to": "2026-11-30",
				 "applications": {"submitted": 3, "approved": 2, "declined": 1, "pending": 0, "approvalRate": 0.6667},
				 "purchases": {"count": 2, "volume": 3500.00, "averageTicket": 1750.00},
				 "refunds": {"count": 1, "amount": 500.00}, "voids": {"count": 0, "amount": 0.00}, "byPlan": []}
				""")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/daily-funding")).withHeader("Accept", equalTo("application/json"))
				.willReturn(
						okJson("""
								{"from": "2026-11-01", "to": "2026-11-30",
								 "days": [{"businessDay": "2026-11-03",
								   "funding": {"settledPurchases": 2, "gross": 3500.00, "refunds": 500.00, "merchantFees": 190.00,
								               "netFunding": 2810.00, "voids": 0, "voidAmount": 0.00},
								   "plans": [{"plan": "DEFERRED_12", "funding": {"settledPurchases": 1, "gross": 1500.00,
								               "refunds": 500.00, "merchantFees": 90.00, "netFunding": 910.00, "voids": 0}},
								             {"plan": "FIXED_24", "funding": {"settledPurchases": 1, "gross": 2000.00,
								               "refunds": 0.00, "merchantFees": 100.00, "netFunding": 1900.00, "voids": 0}}]}],
								 "totals": {"settledPurchases": 2, "gross": 3500.00, "refunds": 500.00, "merchantFees": 190.00,
								            "netFunding": 2810.00, "voids": 0, "voidAmount": 0.00}}
								""")));
		Gateway.server().stubFor(get(urlPathEqualTo("/api/reports/applications")).willReturn(okJson("""
				{"from": "2026-11-01", "to": "2026-11-30", "days": [],
				 "totals": {"submitted": 3, "approved": 2, "declined": 1, "pending": 0, "approvalRate": 0.6667},
				 "keyedBy": [{"keyedBy": "PATIENT", "applications": {"submitted": 1, "approved": 1, "declined": 0,
				               "pending": 0, "approvalRate": 1.0}},
				             {"keyedBy": "STAFF", "applications": {"submitted": 2, "approved": 1, "declined": 1,
				               "pending": 0, "approvalRate": 0.5}}],
				 "declineReasons": [{"reason": "CREDIT_SCORE_TOO_LOW", "declined": 1}]}
				""")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/trends")).withQueryParam("period", equalTo("MONTH"))
				.willReturn(
						okJson("""
								{"period": "MONTH", "points": [{"periodStart": "2026-11-01", "periodEnd": "2026-11-30",
								  "applications": {"submitted": 3, "approved": 2, "declined": 1, "pending": 0},
								  "purchases": {"count": 2, "volume": 3500.00},
								  "funding": {"settledPurchases": 2, "gross": 3500.00, "refunds": 500.00, "merchantFees": 190.00,
								              "netFunding": 2810.00, "voids": 0}}]}
								""")));
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void theReportsShowTheSummaryFundingByDayAndPlanTheFunnelAndTheTrend() {
		Page reports = this.browser.get("/reports?" + RANGE + "&period=MONTH");
		assertThat(reports.status()).isEqualTo(200);
		assertThat(reports.html().select("section[aria-labelledby=summary-title] dd").eachText()).containsExactly("3",
				"66.7%", "2", "$3,500.00", "$500.00", "$2,810.00");
		assertThat(reports.html().select("#funding-table tbody tr").eachText()).containsExactly(
				"2026-11-03 All plans 2 $3,500.00 $500.00 $190.00 $2,810.00",
				"2026-11-03 DEFERRED_12 1 $1,500.00 $500.00 $90.00 $910.00",
				"2026-11-03 FIXED_24 1 $2,000.00 $0.00 $100.00 $1,900.00");
		assertThat(reports.html().select("#funnel-table tbody tr").eachText()).containsExactly("Patient 1 1 0 0 100.0%",
				"Staff 2 1 1 0 50.0%");
		assertThat(reports.html().select("#decline-chart-table tbody tr").eachText())
			.containsExactly("CREDIT_SCORE_TOO_LOW 1");
		assertThat(reports.html().select("#trend-chart-table tbody tr").eachText())
			.containsExactly("2026-11-01 $3,500.00 (2)");
		assertThat(reports.html().select("svg[role=img]")).hasSize(2);
	}

	@Test
	void theDailyFundingDownloadsAsTheApisCsv() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/daily-funding")).withHeader("Accept", equalTo("text/csv"))
				.withQueryParam("by", equalTo("plan"))
				.willReturn(aResponse().withHeader("Content-Type", "text/csv")
					.withBody("business_day,plan,settled_purchases\r\n2026-11-03,DEFERRED_12,1\r\n")));
		Page csv = this.browser.get("/reports/daily-funding.csv?" + RANGE + "&by=plan");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition"))
			.as("without the API's file name, the portal names it by the report and range")
			.contains("filename=\"daily-funding-2026-11-01-2026-11-30-by-plan.csv\"");
		assertThat(csv.body()).isEqualTo("business_day,plan,settled_purchases\r\n2026-11-03,DEFERRED_12,1\r\n");
	}

	@Test
	void everyReportTableHasADownloadLinkForItsDatesAndPeriod() {
		Page reports = this.browser.get("/reports?" + RANGE + "&period=MONTH");
		assertThat(reports.link("Download the summary as CSV").attr("href")).isEqualTo("/reports/summary.csv?" + RANGE);
		assertThat(reports.link("Download the daily funding as CSV").attr("href"))
			.isEqualTo("/reports/daily-funding.csv?" + RANGE);
		assertThat(reports.link("Download it by plan as CSV").attr("href"))
			.isEqualTo("/reports/daily-funding.csv?" + RANGE + "&by=plan");
		assertThat(reports.link("Download the applications as CSV").attr("href"))
			.isEqualTo("/reports/applications.csv?" + RANGE + "&by=keyed");
		assertThat(reports.link("Download the decline reasons as CSV").attr("href"))
			.isEqualTo("/reports/applications.csv?" + RANGE + "&by=reason");
		assertThat(reports.link("Download the trend by month as CSV").attr("href"))
			.isEqualTo("/reports/trends.csv?" + RANGE + "&period=MONTH");
	}

	@Test
	void theSummaryApplicationsAndTrendDownloadAsTheApisCsvWithItsFileName() {
		csvStub("/api/reports/summary", "summary-2026-11-01-2026-11-30.csv", "figure,value\r\nsubmitted,3\r\n");
		csvStub("/api/reports/applications", "applications-2026-11-01-2026-11-30.csv",
				"keyed_by,submitted\r\nPATIENT,1\r\nSTAFF,2\r\n");
		csvStub("/api/reports/trends", "trends-2026-11-01-2026-11-30-month.csv",
				"period_start,period_end,purchases\r\n2026-11-01,2026-11-30,2\r\n");
		Page summary = this.browser.get("/reports/summary.csv?" + RANGE);
		assertThat(summary.status()).isEqualTo(200);
		assertThat(summary.header("Content-Type")).startsWith("text/csv");
		assertThat(summary.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"summary-2026-11-01-2026-11-30.csv\"");
		assertThat(summary.body()).isEqualTo("figure,value\r\nsubmitted,3\r\n");
		Page applications = this.browser.get("/reports/applications.csv?" + RANGE);
		assertThat(applications.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"applications-2026-11-01-2026-11-30.csv\"");
		assertThat(applications.body()).isEqualTo("keyed_by,submitted\r\nPATIENT,1\r\nSTAFF,2\r\n");
		Page trends = this.browser.get("/reports/trends.csv?" + RANGE + "&period=MONTH");
		assertThat(trends.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"trends-2026-11-01-2026-11-30-month.csv\"");
		assertThat(trends.body()).isEqualTo("period_start,period_end,purchases\r\n2026-11-01,2026-11-30,2\r\n");
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/reports/summary")).withHeader("Accept", equalTo("text/csv"))
				.withQueryParam("from", equalTo("2026-11-01"))
				.withQueryParam("to", equalTo("2026-11-30")));
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/reports/trends")).withHeader("Accept", equalTo("text/csv"))
				.withQueryParam("period", equalTo("MONTH")));
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/reports/applications"))
				.withHeader("Accept", equalTo("text/csv"))
				.withQueryParam("by", equalTo("keyed")));
		this.browser.get("/reports/applications.csv?" + RANGE + "&by=reason");
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/reports/applications"))
				.withHeader("Accept", equalTo("text/csv"))
				.withQueryParam("by", equalTo("reason")));
	}

	@Test
	void theDailyFundingByDayKeepsTheApisFileName() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/daily-funding")).withHeader("Accept", equalTo("text/csv"))
				.withQueryParam("by", equalTo("day"))
				.willReturn(aResponse().withHeader("Content-Type", "text/csv;charset=UTF-8")
					.withHeader("Content-Disposition",
							"attachment; filename=\"daily-funding-2026-11-01-2026-11-30.csv\"")
					.withBody("business_day,settled_purchases\r\n2026-11-03,2\r\n")));
		Page csv = this.browser.get("/reports/daily-funding.csv?" + RANGE);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"daily-funding-2026-11-01-2026-11-30.csv\"");
		assertThat(csv.body()).isEqualTo("business_day,settled_purchases\r\n2026-11-03,2\r\n");
	}

	@Test
	void whenTheApiCannotSplitTheFundingByPlanThePageSaysSoAndKeepsTheDayDownload() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/daily-funding")).withHeader("Accept", equalTo("text/csv"))
				.withQueryParam("by", equalTo("plan"))
				.willReturn(Gateway.problem(400, "invalid-report-request", "The CSV's rows are not valid.", "[]")));
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/reports/trends")).withQueryParam("period", equalTo("WEEK"))
				.willReturn(okJson("{\"period\": \"WEEK\", \"points\": []}")));
		Page refused = this.browser.get("/reports/daily-funding.csv?" + RANGE + "&by=plan");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/reports?" + RANGE);
		Page reports = this.browser.follow(refused);
		assertThat(reports.html().select(".notice-problem").text())
			.isEqualTo("The daily funding can't be downloaded by plan for now: download it by day instead.");
		assertThat(reports.link("Download the daily funding as CSV")).isNotNull();
	}

	@Test
	void aCsvForARangeThatCannotBeReadIsItsSentenceAndAsksNothing() {
		Page refused = this.browser.get("/reports/summary.csv?from=2026-12-01&to=2026-11-01");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo("The start date must be on or before the end date.");
		Gateway.server().verify(0, getRequestedFor(urlPathEqualTo("/api/reports/summary")));
	}

	private static void csvStub(String path, String filename, String body) {
		Gateway.server()
			.stubFor(get(urlPathEqualTo(path)).withHeader("Accept", equalTo("text/csv"))
				.willReturn(aResponse().withHeader("Content-Type", "text/csv;charset=UTF-8")
					.withHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
					.withBody(body)));
	}

	@Test
	void aRangeLongerThanAYearGetsASentenceAndNoReport() {
		Page reports = this.browser.get("/reports?from=2025-01-01&to=2026-11-30");
		assertThat(reports.status()).isEqualTo(422);
		assertThat(reports.html().select(".error-summary li").eachText())
			.containsExactly("Choose a range of at most 366 days.");
		Gateway.server().verify(0, getRequestedFor(urlPathEqualTo("/api/reports/summary")));
	}

	@Test
	void aUserWithoutTheReportsPermissionGetsThe403PageAndNoReportsLink() {
		Gateway.mePermitted("PROCESS_PURCHASES");
		Page dashboardLess = this.browser.get("/reports");
		assertThat(dashboardLess.status()).isEqualTo(403);
		assertThat(dashboardLess.text()).contains("This needs the permission “View reports”");
		assertThat(dashboardLess.html().select("nav[aria-label=Main] a").eachText()).doesNotContain("Reports");
	}

}
