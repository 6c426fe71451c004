package io.carefin.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The practice reports and the ops security report against a seeded stream of events, on
 * a real PostgreSQL and Kafka broker.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "carefin.business-day.practice-zones." + ReportsIntegrationTests.WEST_COAST
		+ "=America/Los_Angeles")
class ReportsIntegrationTests {

	static final String WEST_COAST = "3f0b8a2e-1c4d-4e5f-9a6b-7c8d9e0f1a2b";

	/**
	 * Reads amounts as exact decimals, keeping their scale, so that 5000.00 is not
	 * 5000.0.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSeededStreamSentTwiceGivesExactFiguresOnce(RestTestClient http) {
		ReportingFixtures practice = seed(UUID.randomUUID(), true);
		String token = practiceToken(practice.practiceId());

		JsonNode summary = get(http, "/api/reports/summary?" + NOVEMBER, token);
		assertThat(summary.at("/applications"))
			.isEqualTo(json("{\"submitted\":6,\"approved\":2,\"declined\":3,\"pending\":1,\"approvalRate\":0.4000}"));
		assertThat(summary.at("/purchases"))
			.isEqualTo(json("{\"count\":4,\"volume\":7549.99,\"averageTicket\":1887.50}"));
		assertThat(summary.at("/refunds")).isEqualTo(json("{\"count\":2,\"amount\":450.00}"));
		assertThat(summary.at("/voids")).isEqualTo(json("{\"count\":1,\"amount\":999.99}"));
		assertThat(summary.at("/byPlan")).isEqualTo(json("[{\"plan\":\"DEFERRED_12\",\"purchases\":2,"
				+ "\"volume\":1550.00},{\"plan\":\"DEFERRED_6\",\"purchases\":1,\"volume\":999.99},"
				+ "{\"plan\":\"FIXED_24\",\"purchases\":1,\"volume\":5000.00}]"));

		JsonNode funding = get(http, "/api/reports/daily-funding?" + NOVEMBER, token);
		assertThat(funding.at("/days").size()).isEqualTo(3);
		assertThat(funding.at("/days/0/businessDay").asString()).isEqualTo("2026-11-02");
		assertThat(funding.at("/days/0/funding"))
			.isEqualTo(json(fundingJson(2, "6250.00", "200.00", "0.00", "200.00", 1, "999.99", "363.00", "5687.00")));
		assertThat(funding.at("/days/0/plans")).isEqualTo(json("[{\"plan\":\"DEFERRED_12\",\"funding\":"
				+ fundingJson(1, "1250.00", "0.00", "0.00", "0.00", 0, "0.00", "75.00", "1175.00")
				+ "},{\"plan\":\"DEFERRED_6\",\"funding\":"
				+ fundingJson(0, "0.00", "0.00", "0.00", "0.00", 1, "999.99", "0.00", "0.00")
				+ "},{\"plan\":\"FIXED_24\",\"funding\":"
				+ fundingJson(1, "5000.00", "200.00", "0.00", "200.00", 0, "0.00", "288.00", "4512.00") + "}]"));
		assertThat(funding.at("/days/1/businessDay").asString()).isEqualTo("2026-11-03");
		assertThat(funding.at("/days/1/funding"))
			.isEqualTo(json(fundingJson(1, "300.00", "0.00", "0.00", "0.00", 0, "0.00", "18.00", "282.00")));
		assertThat(funding.at("/days/2/businessDay").asString()).isEqualTo("2026-11-04");
		assertThat(funding.at("/days/2/funding"))
			.isEqualTo(json(fundingJson(0, "0.00", "0.00", "250.00", "250.00", 0, "0.00", "0.00", "-250.00")));
		assertThat(funding.at("/totals"))
			.isEqualTo(json(fundingJson(3, "6550.00", "200.00", "250.00", "450.00", 1, "999.99", "381.00", "5719.00")));

		JsonNode applications = get(http, "/api/reports/applications?" + NOVEMBER, token);
		assertThat(applications.at("/days")).isEqualTo(json("[{\"businessDay\":\"2026-11-02\",\"applications\":"
				+ "{\"submitted\":4,\"approved\":2,\"declined\":1,\"pending\":1,\"approvalRate\":0.6667}},"
				+ "{\"businessDay\":\"2026-11-03\",\"applications\":"
				+ "{\"submitted\":2,\"approved\":0,\"declined\":2,\"pending\":0,\"approvalRate\":0.0000}}]"));
		assertThat(applications.at("/keyedBy")).isEqualTo(json("[{\"keyedBy\":\"PATIENT\",\"applications\":"
				+ "{\"submitted\":3,\"approved\":1,\"declined\":2,\"pending\":0,\"approvalRate\":0.3333}},"
				+ "{\"keyedBy\":\"STAFF\",\"applications\":"
				+ "{\"submitted\":3,\"approved\":1,\"declined\":1,\"pending\":1,\"approvalRate\":0.5000}}]"));
		assertThat(applications.at("/declineReasons"))
			.isEqualTo(json("[{\"reason\":\"DEBT_TO_INCOME_TOO_HIGH\",\"declined\":2},"
					+ "{\"reason\":\"INCOME_NOT_VERIFIED\",\"declined\":1},{\"reason\":\"UNDER_AGE\",\"declined\":1}]"));
		assertThat(applications.at("/totals")).isEqualTo(summary.at("/applications"));
	}

	@Test
	void trendsGiveTheSameFiguresPerWeekAndPerMonth(RestTestClient http) {
		ReportingFixtures practice = seed(UUID.randomUUID(), false);
		String token = practiceToken(practice.practiceId());

		JsonNode weeks = get(http, "/api/reports/trends?period=week&" + NOVEMBER, token);
		assertThat(weeks.at("/points").size()).isEqualTo(6);
		assertThat(weeks.at("/points/0/periodStart").asString()).isEqualTo("2026-11-01");
		assertThat(weeks.at("/points/0/periodEnd").asString()).isEqualTo("2026-11-01");
		assertThat(weeks.at("/points/0/purchases/count").asInt()).isZero();
		assertThat(weeks.at("/points/1/periodStart").asString()).isEqualTo("2026-11-02");
		assertThat(weeks.at("/points/1/periodEnd").asString()).isEqualTo("2026-11-08");
		assertThat(weeks.at("/points/5/periodStart").asString()).isEqualTo("2026-11-30");

		JsonNode summary = get(http, "/api/reports/summary?" + NOVEMBER, token);
		JsonNode funding = get(http, "/api/reports/daily-funding?" + NOVEMBER, token);
		assertThat(weeks.at("/points/1/applications")).isEqualTo(summary.at("/applications"));
		assertThat(weeks.at("/points/1/purchases")).isEqualTo(summary.at("/purchases"));
		assertThat(weeks.at("/points/1/refunds")).isEqualTo(summary.at("/refunds"));
		assertThat(weeks.at("/points/1/funding")).isEqualTo(funding.at("/totals"));

		JsonNode months = get(http, "/api/reports/trends?period=MONTH&from=2026-10-15&to=2026-12-10", token);
		assertThat(months.at("/points").size()).isEqualTo(3);
		assertThat(months.at("/points/0/periodStart").asString()).isEqualTo("2026-10-15");
		assertThat(months.at("/points/1/periodStart").asString()).isEqualTo("2026-11-01");
		assertThat(months.at("/points/1/periodEnd").asString()).isEqualTo("2026-11-30");
		assertThat(months.at("/points/1/funding")).isEqualTo(funding.at("/totals"));
		assertThat(months.at("/points/1/voids")).isEqualTo(summary.at("/voids"));
		assertThat(months.at("/points/2/periodEnd").asString()).isEqualTo("2026-12-10");
	}

	@Test
	void theSummaryAddsWholeMonthsAndTheDaysAroundThemExactly(RestTestClient http) {
		ReportingFixtures practice = new ReportingFixtures(UUID.randomUUID());
		UUID account = UUID.randomUUID();
		String[] days = { "2026-10-19", "2026-10-20", "2026-11-15", "2026-12-05", "2026-12-06" };
		String[] amounts = { "1.00", "10.00", "100.00", "1000.00", "10000.00" };
		for (int i = 0; i < days.length; i++) {
			practice
				.send(practice.purchase(UUID.randomUUID(), account, days[i] + "T15:00:00Z", amounts[i], "FIXED_36"));
		}
		practice.awaitApplied(this.jdbc);
		String token = practiceToken(practice.practiceId());

		assertThat(get(http, "/api/reports/summary?from=2026-10-20&to=2026-12-05", token).at("/purchases"))
			.isEqualTo(json("{\"count\":3,\"volume\":1110.00,\"averageTicket\":370.00}"));
		assertThat(get(http, "/api/reports/summary?from=2026-11-01&to=2026-12-31", token).at("/purchases/volume"))
			.isEqualTo(json("11100.00"));
		assertThat(get(http, "/api/reports/summary?from=2026-10-19&to=2026-10-31", token).at("/purchases/volume"))
			.isEqualTo(json("11.00"));
		assertThat(get(http, "/api/reports/summary?from=2026-11-15&to=2026-11-15", token).at("/purchases/volume"))
			.isEqualTo(json("100.00"));
		assertThat(
				get(http, "/api/reports/summary?from=2026-11-16&to=2026-12-04", token).at("/purchases/count").asInt())
			.isZero();
		assertThat(get(http, "/api/reports/summary?from=2026-09-01&to=2027-01-31", token).at("/byPlan"))
			.isEqualTo(json("[{\"plan\":\"FIXED_36\",\"purchases\":5,\"volume\":11111.00}]"));
	}

	@Test
	void aPurchaseAndItsRefundLandOnThePracticesBusinessDays(RestTestClient http) {
		ReportingFixtures newYork = new ReportingFixtures(UUID.randomUUID());
		ReportingFixtures westCoast = new ReportingFixtures(UUID.fromString(WEST_COAST));
		for (ReportingFixtures practice : List.of(newYork, westCoast)) {
			UUID purchase = UUID.randomUUID();
			UUID account = UUID.randomUUID();
			// 03:30 UTC on the 24th is the evening of the 23rd in New York and in Los
			// Angeles
			practice.send(practice.purchase(purchase, account, "2026-11-24T03:30:00Z", "700.00", "DEFERRED_6"));
			// 06:30 UTC on the 25th is the 25th in New York, still the 24th in Los
			// Angeles
			practice.send(practice.refund(purchase, account, "2026-11-25T06:30:00Z", "100.00", "DEFERRED_6", true));
			practice.awaitApplied(this.jdbc);
		}

		assertThat(salesDays(http, newYork)).containsExactly("2026-11-23:1:0", "2026-11-25:0:1");
		assertThat(salesDays(http, westCoast)).containsExactly("2026-11-23:1:0", "2026-11-24:0:1");
		assertThat(get(http, "/api/reports/daily-funding?from=2026-11-24&to=2026-11-24",
				practiceToken(westCoast.practiceId()))
			.at("/totals/refundsAfterSettlement")
			.asString()).isEqualTo("100.00");
		assertThat(get(http, "/api/reports/daily-funding?from=2026-11-25&to=2026-11-25",
				practiceToken(newYork.practiceId()))
			.at("/totals/refundsAfterSettlement")
			.asString()).isEqualTo("100.00");
	}

	@Test
	void paymentsAPracticeCollectedAreDeductedFromItsFundingOnThePaymentsBusinessDay(RestTestClient http) {
		ReportingFixtures practice = new ReportingFixtures(UUID.randomUUID());
		UUID purchase = UUID.randomUUID();
		UUID account = UUID.randomUUID();
		practice.send(practice.purchase(purchase, account, "2026-11-10T15:00:00Z", "1000.00", "DEFERRED_12"),
				practice.settled(purchase, account, "2026-11-10", "1000.00", "0.00", "60.00", "DEFERRED_12"),
				// 15:00 UTC on the 10th is the 10th in New York
				practice.payment(account, "2026-11-10T15:30:00Z", "150.00", true),
				// support's payment is the lender's own: no practice collected it
				practice.payment(account, "2026-11-10T16:00:00Z", "80.00", false));
		practice.awaitApplied(this.jdbc);

		JsonNode funding = get(http, "/api/reports/daily-funding?from=2026-11-10&to=2026-11-10",
				practiceToken(practice.practiceId()));
		assertThat(funding.at("/days/0/funding/gross").asString()).isEqualTo("1000.00");
		assertThat(funding.at("/days/0/funding/merchantFees").asString()).isEqualTo("60.00");
		assertThat(funding.at("/days/0/funding/collectedPayments").asInt()).isOne();
		assertThat(funding.at("/days/0/funding/paymentsCollected").asString()).isEqualTo("150.00");
		assertThat(funding.at("/days/0/funding/netFunding").asString()).isEqualTo("790.00");
		assertThat(funding.at("/totals/netFunding").asString()).isEqualTo("790.00");
		assertThat(funding.at("/days/0/plans").size()).isOne();
		String csv = csv(http, "/api/reports/daily-funding?from=2026-11-10&to=2026-11-10",
				MediaType.parseMediaType("text/csv"), practiceToken(practice.practiceId()));
		assertThat(csv).contains("payments_collected").contains(",150.00,790.00");
	}

	@Test
	void aPracticeNeverSeesAnotherPracticesFigures(RestTestClient http) {
		ReportingFixtures a = seed(UUID.randomUUID(), false);
		UUID b = UUID.randomUUID();
		String tokenB = practiceToken(b);

		for (String report : List.of("summary", "daily-funding", "applications", "trends")) {
			http.get()
				.uri("/api/reports/" + report + "?" + NOVEMBER + "&practiceId=" + a.practiceId())
				.headers((headers) -> headers.setBearerAuth(tokenB))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/not-found");
		}
		JsonNode bSummary = get(http, "/api/reports/summary?" + NOVEMBER, tokenB);
		assertThat(bSummary.at("/practiceId").asString()).isEqualTo(b.toString());
		assertThat(bSummary.at("/purchases/count").asInt()).isZero();
		assertThat(bSummary.at("/applications/submitted").asInt()).isZero();
		assertThat(get(http, "/api/reports/daily-funding?" + NOVEMBER, tokenB).at("/days").size()).isZero();

		String ops = TestIssuer.STAFF.staffMember("OPS_ADMIN");
		assertThat(get(http, "/api/reports/summary?" + NOVEMBER + "&practiceId=" + a.practiceId(), ops)
			.at("/purchases/count")
			.asInt()).isEqualTo(4);
		assertThat(get(http, "/api/reports/summary?" + NOVEMBER, ops).at("/purchases/count").asInt())
			.isGreaterThanOrEqualTo(4);
	}

	@Test
	void onlyPracticeUsersWhoViewReportsAndOpsReadThem(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		for (String token : List.of(
				TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES"),
				TestIssuer.STAFF.staffMember("SUPPORT"))) {
			http.get()
				.uri("/api/reports/summary?" + NOVEMBER)
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/forbidden");
		}
		for (String path : List.of("/api/reports/security?" + NOVEMBER, "/api/reports/admin/rebuild")) {
			http.method(path.contains("rebuild") ? org.springframework.http.HttpMethod.POST
					: org.springframework.http.HttpMethod.GET)
				.uri(path)
				.headers((headers) -> headers.setBearerAuth(practiceToken(practice)))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
	}

	@Test
	void refusesARangeThatIsMissingMalformedReversedOrLongerThan366Days(RestTestClient http) {
		String token = practiceToken(UUID.randomUUID());
		expectInvalid(http, token, "/api/reports/summary?to=2026-11-30", "from");
		expectInvalid(http, token, "/api/reports/summary?from=2026-11-01", "to");
		expectInvalid(http, token, "/api/reports/applications?from=2026-13-01&to=2026-11-30", "from");
		expectInvalid(http, token, "/api/reports/daily-funding?from=2026-11-01&to=30/11/2026", "to");
		expectInvalid(http, token, "/api/reports/daily-funding?from=2026-11-02&to=2026-11-01", "from");
		expectInvalid(http, token, "/api/reports/trends?from=2025-01-01&to=2026-01-02", "to");
		expectInvalid(http, token, "/api/reports/trends?from=2026-01-01&to=2026-01-31&period=DAY", "period");
		expectInvalid(http, token, "/api/reports/daily-funding?format=csv&from=2026-11-01", "to");
		expectInvalid(http, token, "/api/reports/daily-funding?format=csv&by=week&" + NOVEMBER, "by");
		http.get()
			.uri("/api/reports/daily-funding?from=2026-11-01")
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("to");
		expectInvalid(http, TestIssuer.STAFF.staffMember("OPS_ADMIN"),
				"/api/reports/summary?" + NOVEMBER + "&practiceId=not-a-practice", "practiceId");
		// 366 days, both ends included, is the longest range
		http.get()
			.uri("/api/reports/summary?from=2024-01-01&to=2024-12-31")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void theCsvHasTheJsonRowsAndNeutralisesFormulas(RestTestClient http) {
		ReportingFixtures practice = seed(UUID.randomUUID(), false);
		UUID purchase = UUID.randomUUID();
		UUID account = UUID.randomUUID();
		String hostilePlan = "=HYPERLINK(\"http://evil.example\",\"x\")";
		practice.send(practice.settled(purchase, account, "2026-11-05", "100.00", "0.00", "6.00", hostilePlan),
				practice.settled(UUID.randomUUID(), account, "2026-11-05", "50.00", "0.00", "3.00", "@SUM(A1)"),
				practice.settled(UUID.randomUUID(), account, "2026-11-05", "10.00", "0.00", "1.00", "+1\tA"));
		practice.awaitApplied(this.jdbc);
		String token = practiceToken(practice.practiceId());

		JsonNode json = get(http, "/api/reports/daily-funding?" + NOVEMBER, token);
		String byAccept = csv(http, "/api/reports/daily-funding?" + NOVEMBER, MediaType.parseMediaType("text/csv"),
				token);
		String byParameter = csv(http, "/api/reports/daily-funding?format=csv&" + NOVEMBER, MediaType.ALL, token);
		assertThat(byParameter).isEqualTo(byAccept);

		List<String> days = List.of(byAccept.split("\r\n"));
		assertThat(days.get(0)).isEqualTo("business_day,settled_purchases,gross,refunds_before_settlement,"
				+ "refunds_after_settlement,refunds,voids,void_amount,merchant_fees,collected_payments,"
				+ "payments_collected,net_funding");
		List<String> expectedDays = json.at("/days")
			.valueStream()
			.map((day) -> day.at("/businessDay").asString() + "," + fundingCells(day.at("/funding")))
			.toList();
		assertThat(days.subList(1, days.size()).stream().map((line) -> line.replace(",'-", ",-")))
			.containsExactlyElementsOf(expectedDays);
		assertThat(days).contains("2026-11-04,0,0.00,0.00,250.00,250.00,0,0.00,0.00,0,0.00,'-250.00");

		String plansCsv = csv(http, "/api/reports/daily-funding?by=plan&" + NOVEMBER,
				MediaType.parseMediaType("text/csv"), token);
		List<String> plans = List.of(plansCsv.split("\r\n"));
		assertThat(plans.get(0)).isEqualTo("business_day,plan,settled_purchases,gross,refunds_before_settlement,"
				+ "refunds_after_settlement,refunds,voids,void_amount,merchant_fees,collected_payments,"
				+ "payments_collected,net_funding");
		List<String> expectedPlans = json.at("/days")
			.valueStream()
			.flatMap((day) -> day.at("/plans")
				.valueStream()
				.map((plan) -> day.at("/businessDay").asString() + "," + plan.at("/plan").asString() + ","
						+ fundingCells(plan.at("/funding"))))
			.toList();
		assertThat(expectedPlans).hasSize(plans.size() - 1);
		for (int i = 0; i < expectedPlans.size(); i++) {
			if (!expectedPlans.get(i).contains("HYPERLINK") && !expectedPlans.get(i).contains("SUM(")
					&& !expectedPlans.get(i).contains("+1")) {
				assertThat(plans.get(i + 1).replace(",'-", ",-")).isEqualTo(expectedPlans.get(i));
			}
		}
		assertThat(plans).contains("2026-11-04,DEFERRED_12,0,0.00,0.00,250.00,250.00,0,0.00,0.00,0,0.00,'-250.00")
			.contains("2026-11-05,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",1,100.00,0.00,0.00,0.00,0,"
					+ "0.00,6.00,0,0.00,94.00")
			.contains("2026-11-05,'@SUM(A1),1,50.00,0.00,0.00,0.00,0,0.00,3.00,0,0.00,47.00")
			.contains("2026-11-05,'+1\tA,1,10.00,0.00,0.00,0.00,0,0.00,1.00,0,0.00,9.00")
			.noneMatch((line) -> line.startsWith("2026-11-05,=") || line.startsWith("2026-11-05,@")
					|| line.startsWith("2026-11-05,+"));
	}

	@Test
	void everyReportsCsvHasTheJsonsFiguresByAcceptOrFormatAsADownload(RestTestClient http) {
		ReportingFixtures practice = seed(UUID.randomUUID(), false);
		String token = practiceToken(practice.practiceId());

		JsonNode summary = get(http, "/api/reports/summary?" + NOVEMBER, token);
		List<List<String>> summaryRows = csvRows(http, "summary", "", token);
		assertThat(summaryRows.get(0)).containsExactly("figure", "plan", "value");
		List<List<String>> expectedSummary = new ArrayList<>();
		for (String object : List.of("applications", "purchases", "refunds", "voids")) {
			summary.get(object)
				.properties()
				.forEach((figure) -> expectedSummary
					.add(List.of(object + "_" + snake(figure.getKey()), "", text(figure.getValue()))));
		}
		summary.get("byPlan").forEach((plan) -> {
			expectedSummary.add(List.of("by_plan_purchases", plan.at("/plan").asString(), text(plan.at("/purchases"))));
			expectedSummary.add(List.of("by_plan_volume", plan.at("/plan").asString(), text(plan.at("/volume"))));
		});
		assertThat(summaryRows.subList(1, summaryRows.size())).containsExactlyElementsOf(expectedSummary)
			.contains(List.of("purchases_volume", "", "7549.99"), List.of("applications_approval_rate", "", "0.4000"),
					List.of("by_plan_volume", "FIXED_24", "5000.00"));

		JsonNode applications = get(http, "/api/reports/applications?" + NOVEMBER, token);
		assertThat(csvRows(http, "applications", "", token)).containsExactlyElementsOf(table(applications.get("days")))
			.contains(List.of("2026-11-02", "4", "2", "1", "1", "0.6667"));
		assertThat(csvRows(http, "applications", "&by=day", token)).isEqualTo(csvRows(http, "applications", "", token));
		assertThat(csvRows(http, "applications", "&by=keyed", token))
			.containsExactlyElementsOf(table(applications.get("keyedBy")));
		assertThat(csvRows(http, "applications", "&by=REASON", token))
			.containsExactlyElementsOf(table(applications.get("declineReasons")))
			.startsWith(List.of("reason", "declined"), List.of("DEBT_TO_INCOME_TOO_HIGH", "2"));

		for (String period : List.of("WEEK", "MONTH")) {
			JsonNode trends = get(http, "/api/reports/trends?period=" + period + "&" + NOVEMBER, token);
			List<List<String>> rows = csvRows(http, "trends", "&period=" + period, token);
			assertThat(rows).containsExactlyElementsOf(table(trends.get("points")));
			assertThat(rows.get(0)).startsWith("period_start", "period_end", "applications_submitted")
				.contains("purchases_average_ticket", "refunds_amount", "funding_net_funding");
			assertThat(rows).hasSize(trends.get("points").size() + 1);
		}

		JsonNode funding = get(http, "/api/reports/daily-funding?" + NOVEMBER, token);
		assertThat(csvRows(http, "daily-funding", "", token)).containsExactlyElementsOf(table(funding.get("days")));
		// a client that names no format still gets JSON
		assertThat(json(http.get()
			.uri("/api/reports/summary?" + NOVEMBER)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.returnResult(String.class)
			.getResponseBody())).isEqualTo(summary);
	}

	@Test
	void refusesACsvWhoseRangeRowsOrPeriodAreNotValidWithTheJsonsSentences(RestTestClient http) {
		String token = practiceToken(UUID.randomUUID());
		for (String report : List.of("summary", "applications", "trends", "daily-funding")) {
			expectInvalid(http, token, "/api/reports/" + report + "?format=csv&from=2026-11-01", "to");
			expectInvalid(http, token, "/api/reports/" + report + "?format=csv&from=2026-11-30&to=2026-11-01", "from");
			expectInvalid(http, token, "/api/reports/" + report + "?format=csv&from=2025-01-01&to=2026-01-02", "to");
			http.get()
				.uri("/api/reports/" + report + "?from=2026-11-01&to=2026-11-31")
				.headers((headers) -> headers.setBearerAuth(token))
				.accept(MediaType.parseMediaType("text/csv"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("The report's date range is not valid.")
				.jsonPath("$.errors[0].field")
				.isEqualTo("to");
		}
		expectInvalid(http, token, "/api/reports/applications?format=csv&by=plan&" + NOVEMBER, "by");
		expectInvalid(http, token, "/api/reports/trends?format=csv&period=DAY&" + NOVEMBER, "period");
		http.get()
			.uri("/api/reports/applications?format=csv&by=week&" + NOVEMBER)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be day, keyed or reason");
	}

	/**
	 * A report's CSV by {@code Accept: text/csv}, checked to be the same as by
	 * {@code ?format=csv} and to come as a download named after the report and range,
	 * parsed into its rows.
	 */
	private static List<List<String>> csvRows(RestTestClient http, String report, String parameters, String token) {
		String path = "/api/reports/" + report + "?" + NOVEMBER + parameters;
		String byAccept = http.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectHeader()
			.valueEquals("Content-Disposition", "attachment; filename=\"" + report + "-2026-11-01-2026-11-30.csv\"")
			.returnResult(String.class)
			.getResponseBody();
		assertThat(csv(http, path + "&format=csv", MediaType.ALL, token)).isEqualTo(byAccept);
		return parseCsv(byAccept);
	}

	/**
	 * The table a CSV of a JSON array should be: a column per field of its items, named
	 * in snake case, and prefixed with the object's name when an item holds several
	 * objects (arrays in items are drill-downs of their own and left out).
	 */
	private static List<List<String>> table(JsonNode items) {
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode item : items) {
			long objects = item.properties().stream().filter((field) -> field.getValue().isObject()).count();
			List<String> header = new ArrayList<>();
			List<String> row = new ArrayList<>();
			item.properties().forEach((field) -> {
				if (field.getValue().isObject()) {
					field.getValue().properties().forEach((figure) -> {
						header.add(((objects > 1) ? snake(field.getKey()) + "_" : "") + snake(figure.getKey()));
						row.add(text(figure.getValue()));
					});
				}
				else if (!field.getValue().isArray()) {
					header.add(snake(field.getKey()));
					row.add(text(field.getValue()));
				}
			});
			if (rows.isEmpty()) {
				rows.add(header);
			}
			rows.add(row);
		}
		return rows;
	}

	private static String snake(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static String text(JsonNode value) {
		return value.isNull() ? "" : value.asString();
	}

	/**
	 * The rows of RFC 4180 CSV, each cell unquoted and, when it starts with the quote
	 * that defuses a formula, without it.
	 */
	private static List<List<String>> parseCsv(String csv) {
		assertThat(csv).endsWith("\r\n");
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',' || c == '\r') {
				row.add(undefused(cell.toString()));
				cell.setLength(0);
				if (c == '\r') {
					assertThat(csv.charAt(++i)).isEqualTo('\n');
					rows.add(row);
					row = new ArrayList<>();
				}
			}
			else {
				cell.append(c);
			}
		}
		return rows;
	}

	private static String undefused(String cell) {
		return (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0)
				? cell.substring(1) : cell;
	}

	private static String fundingCells(JsonNode f) {
		return String.join(",", f.at("/settledPurchases").asString(), f.at("/gross").asString(),
				f.at("/refundsBeforeSettlement").asString(), f.at("/refundsAfterSettlement").asString(),
				f.at("/refunds").asString(), f.at("/voids").asString(), f.at("/voidAmount").asString(),
				f.at("/merchantFees").asString(), f.at("/collectedPayments").asString(),
				f.at("/paymentsCollected").asString(), f.at("/netFunding").asString());
	}

	@Test
	void opsSeesSignInsFailuresLockoutsAndSuspensionsPerPracticeAndDay(RestTestClient http) {
		ReportingFixtures practice = new ReportingFixtures(UUID.randomUUID());
		practice.send(practice.signedIn("2025-06-14T13:00:00Z"), practice.signedIn("2025-06-14T14:00:00Z"),
				// 02:00 UTC on the 15th is still the 14th in New York
				practice.signedIn("2025-06-15T02:00:00Z"), practice.signInFailed("2025-06-14T15:00:00Z", "PASSWORD"),
				practice.signInFailed("2025-06-14T15:01:00Z", "PASSWORD"),
				practice.signInFailed("2025-06-14T15:02:00Z", "SECOND_FACTOR"),
				practice.locked("2025-06-14T15:03:00Z", "2025-06-14T15:33:00Z"),
				practice.locked("2025-06-14T16:00:00Z", null), practice.unlocked("2025-06-14T17:00:00Z"),
				practice.suspended("2025-06-15T14:00:00Z"), ReportingFixtures.unknownUserFailed("2025-06-14T18:00:00Z"),
				ReportingFixtures.unknownUserFailed("2025-06-14T18:05:00Z"));
		DomainEvent duplicate = practice.sent().get(0);
		practice.send(duplicate);
		practice.awaitApplied(this.jdbc);
		String ops = TestIssuer.STAFF.staffMember("OPS_ADMIN");

		JsonNode report = get(http,
				"/api/reports/security?from=2025-06-14&to=2025-06-15&practiceId=" + practice.practiceId(), ops);
		assertThat(report.at("/days")).isEqualTo(json("[{\"businessDay\":\"2025-06-14\",\"practiceId\":\""
				+ practice.practiceId() + "\",\"figures\":{\"signInsSucceeded\":3,\"signInsFailed\":2,"
				+ "\"secondFactorFailures\":1,\"lockouts\":2,\"permanentLocks\":1,\"suspensions\":0}},"
				+ "{\"businessDay\":\"2025-06-15\",\"practiceId\":\"" + practice.practiceId()
				+ "\",\"figures\":{\"signInsSucceeded\":0,\"signInsFailed\":0,\"secondFactorFailures\":0,"
				+ "\"lockouts\":0,\"permanentLocks\":0,\"suspensions\":1}}]"));
		JsonNode all = get(http, "/api/reports/security?from=2025-06-14&to=2025-06-14", ops);
		assertThat(all.at("/days").valueStream().filter((day) -> day.at("/practiceId").isNull()).toList())
			.singleElement()
			.satisfies((unknown) -> assertThat(unknown.at("/figures/signInsFailed").asInt()).isEqualTo(2));
	}

	@Test
	void aRebuildReplaysTheTopicsToTheSameFigures(RestTestClient http) {
		ReportingFixtures practice = seed(UUID.randomUUID(), true);
		practice.send(practice.signedIn("2026-11-02T13:00:00Z"), practice.locked("2026-11-02T14:00:00Z", null));
		practice.awaitApplied(this.jdbc);
		String token = practiceToken(practice.practiceId());
		String ops = TestIssuer.STAFF.staffMember("OPS_ADMIN");
		List<String> reports = List.of("/api/reports/summary?" + NOVEMBER, "/api/reports/daily-funding?" + NOVEMBER,
				"/api/reports/applications?" + NOVEMBER, "/api/reports/trends?period=WEEK&" + NOVEMBER);
		String security = "/api/reports/security?" + NOVEMBER + "&practiceId=" + practice.practiceId();
		List<JsonNode> before = reports.stream().map((path) -> get(http, path, token)).toList();
		JsonNode securityBefore = get(http, security, ops);
		Instant rebuildStarted = Instant.now();

		JsonNode started = json(http.post()
			.uri("/api/reports/admin/rebuild")
			.headers((headers) -> headers.setBearerAuth(ops))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.ACCEPTED)
			.returnResult(String.class)
			.getResponseBody());
		assertThat(started.at("/partitions").asInt()).isEqualTo(5 * 6);

		UUID last = practice.sent().get(practice.sent().size() - 1).eventId();
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.jdbc.sql("SELECT processed_at FROM processed_event WHERE event_id = :id")
				.param("id", last)
				.query(java.time.OffsetDateTime.class)
				.optional()
				.filter((at) -> at.toInstant().isAfter(rebuildStarted.minusSeconds(1)))
				.isPresent());
		practice.awaitApplied(this.jdbc);
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id IN (:ids) AND processed_at < :at")
			.param("ids", practice.sent().stream().map(DomainEvent::eventId).toList())
			.param("at", java.time.OffsetDateTime.ofInstant(rebuildStarted.minusSeconds(1), java.time.ZoneOffset.UTC))
			.query(Integer.class)
			.single()).as("every event was applied again by the replay").isZero();
		assertThat(reports.stream().map((path) -> get(http, path, token)).toList()).isEqualTo(before);
		assertThat(get(http, security, ops)).isEqualTo(securityBefore);
	}

	@Test
	void aRebuildRefusedWhileAnotherReplicaConsumesDropsNothing(RestTestClient http) {
		ReportingFixtures practice = new ReportingFixtures(UUID.randomUUID());
		practice.send(practice.purchase(UUID.randomUUID(), UUID.randomUUID(), "2026-11-10T15:00:00Z", "42.00",
				"DEFERRED_12"));
		practice.awaitApplied(this.jdbc);
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reporting-service", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> otherReplica = new KafkaConsumer<>(config)) {
			otherReplica.subscribe(List.of(PurchaseEvent.TOPIC));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				otherReplica.poll(Duration.ofMillis(100));
				return !otherReplica.assignment().isEmpty();
			});

			http.post()
				.uri("/api/reports/admin/rebuild")
				.headers((headers) -> headers.setBearerAuth(TestIssuer.STAFF.staffMember("OPS_ADMIN")))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONFLICT)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/conflict");
		}
		assertThat(get(http, "/api/reports/summary?" + NOVEMBER, practiceToken(practice.practiceId()))
			.at("/purchases/volume")).isEqualTo(json("42.00"));
		practice.send(
				practice.purchase(UUID.randomUUID(), UUID.randomUUID(), "2026-11-11T15:00:00Z", "8.00", "DEFERRED_12"));
		practice.awaitApplied(this.jdbc);
		assertThat(get(http, "/api/reports/summary?" + NOVEMBER, practiceToken(practice.practiceId()))
			.at("/purchases/volume")).as("the listeners run again").isEqualTo(json("50.00"));
	}

	private ReportingFixtures seed(UUID practiceId, boolean twice) {
		ReportingFixtures p = new ReportingFixtures(practiceId);
		UUID a1 = UUID.randomUUID();
		UUID a2 = UUID.randomUUID();
		UUID a3 = UUID.randomUUID();
		UUID a4 = UUID.randomUUID();
		UUID a5 = UUID.randomUUID();
		UUID a6 = UUID.randomUUID();
		UUID p1 = UUID.randomUUID();
		UUID p2 = UUID.randomUUID();
		UUID p3 = UUID.randomUUID();
		UUID p4 = UUID.randomUUID();
		UUID acct1 = UUID.randomUUID();
		UUID acct2 = UUID.randomUUID();
		List<DomainEvent> events = List.of(
				p.approved(a1, "2026-11-02T15:00:00Z", "2026-11-02T15:00:00Z", "STAFF", false),
				p.declined(a2, "2026-11-02T16:00:00Z", "2026-11-02T16:00:00Z", "PATIENT", false,
						"DEBT_TO_INCOME_TOO_HIGH", "UNDER_AGE"),
				p.pending(a3, "2026-11-02T17:00:00Z", "PATIENT"),
				p.approved(a3, "2026-11-02T17:00:00Z", "2026-11-04T15:00:00Z", "PATIENT", true),
				// 04:30 UTC on the 3rd is the evening of the 2nd in New York
				p.pending(a4, "2026-11-03T04:30:00Z", "STAFF"),
				p.declined(a5, "2026-11-03T15:00:00Z", "2026-11-03T15:00:00Z", "STAFF", false,
						"DEBT_TO_INCOME_TOO_HIGH"),
				p.pending(a6, "2026-11-03T16:00:00Z", "PATIENT"),
				p.declined(a6, "2026-11-03T16:00:00Z", "2026-11-05T15:00:00Z", "PATIENT", true, "INCOME_NOT_VERIFIED"),
				p.purchase(p1, acct1, "2026-11-02T15:30:00Z", "1250.00", "DEFERRED_12"),
				p.purchase(p2, acct2, "2026-11-02T20:00:00Z", "5000.00", "FIXED_24"),
				p.purchase(p3, acct1, "2026-11-03T14:00:00Z", "300.00", "DEFERRED_12"),
				p.purchase(p4, acct2, "2026-11-03T03:00:00Z", "999.99", "DEFERRED_6"),
				p.purchaseDeclined(acct1, "2026-11-02T18:00:00Z", "8000.00", "FIXED_24"),
				p.refund(p2, acct2, "2026-11-02T21:00:00Z", "200.00", "FIXED_24", false),
				p.voided(p4, acct2, "2026-11-03T03:30:00Z", "999.99", "DEFERRED_6"),
				p.settled(p1, acct1, "2026-11-02", "1250.00", "0.00", "75.00", "DEFERRED_12"),
				p.settled(p2, acct2, "2026-11-02", "5000.00", "200.00", "288.00", "FIXED_24"),
				p.settled(p3, acct1, "2026-11-03", "300.00", "0.00", "18.00", "DEFERRED_12"),
				p.refund(p1, acct1, "2026-11-04T14:00:00Z", "250.00", "DEFERRED_12", true));
		for (DomainEvent event : events) {
			p.send(event);
			if (twice) {
				p.send(event);
			}
		}
		p.awaitApplied(this.jdbc);
		return p;
	}

	private static String fundingJson(int settled, String gross, String refundsBefore, String refundsAfter,
			String refunds, int voids, String voidAmount, String fees, String net) {
		return ("{\"settledPurchases\":%d,\"gross\":%s,\"refundsBeforeSettlement\":%s,\"refundsAfterSettlement\":%s,"
				+ "\"refunds\":%s,\"voids\":%d,\"voidAmount\":%s,\"merchantFees\":%s,\"collectedPayments\":0,"
				+ "\"paymentsCollected\":0.00,\"netFunding\":%s}")
			.formatted(settled, gross, refundsBefore, refundsAfter, refunds, voids, voidAmount, fees, net);
	}

	private List<String> salesDays(RestTestClient http, ReportingFixtures practice) {
		JsonNode trends = get(http, "/api/reports/trends?period=WEEK&from=2026-11-22&to=2026-11-26",
				practiceToken(practice.practiceId()));
		assertThat(trends.at("/points").size()).isEqualTo(2);
		return this.jdbc
			.sql("SELECT business_day, purchases, refunds FROM daily_sales WHERE practice_id = :practice "
					+ "ORDER BY business_day")
			.param("practice", practice.practiceId())
			.query((rs, row) -> rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getInt(3))
			.list();
	}

	static String practiceToken(UUID practiceId) {
		return TestIssuer.PROVIDER.practiceUserWith(practiceId, "PRACTICE_ADMIN", "VIEW_REPORTS");
	}

	private static JsonNode get(RestTestClient http, String path, String token) {
		return json(http.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody());
	}

	private static JsonNode json(String json) {
		return JSON.readTree(json);
	}

	private static String csv(RestTestClient http, String path, MediaType accept, String token) {
		return http.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(accept)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.returnResult(String.class)
			.getResponseBody();
	}

	private static void expectInvalid(RestTestClient http, String token, String path, String field) {
		http.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invalid-request")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

}
