package io.carefin.account;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.account.AccountFixtures.Opened;
import io.carefin.account.ledger.BusinessDay;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practice's deferred-interest promotions ending soon in one call (issue 19), from
 * purchases sent as transaction-service sends them: only the practice's own, running,
 * with something left, within the window from each account's business date, soonest
 * first, with the figures the account itself shows.
 */
@ServiceIntegrationTest
class EndingPromotionsIntegrationTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessDay businessDay;

	@Test
	void listsOnlyThePracticesOwnRunningDeferredPromotionsWithSomethingLeftInsideTheWindow(RestTestClient http) {
		LocalDate today = LocalDate.now(NEW_YORK);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Opened shared = AccountFixtures.open(this.jdbc, first, "Alvarez", LocalDate.of(1971, 6, 30));
		Opened sharedAtSecond = new Opened(shared.accountId(), second, shared.accountNumber(), shared.lastName(),
				shared.dateOfBirth());
		Opened paidOff = AccountFixtures.open(this.jdbc, first, "Baker", LocalDate.of(1988, 1, 15));
		Opened refunded = AccountFixtures.open(this.jdbc, first, "Chen", LocalDate.of(1993, 9, 4));

		UUID soon = deferred12(shared, today.plusDays(20), "1200.00");
		UUID sameDay = deferred12(shared, today.plusDays(20), "600.00");
		UUID later = deferred12(shared, today.plusDays(100), "900.00");
		UUID edge = deferred12(shared, today.plusDays(65), "800.00");
		UUID ended = deferred12(shared, today.minusDays(3), "300.00");
		UUID voided = AccountFixtures.purchaseOn(this.jdbc, shared, today.plusDays(10).minusMonths(6), "500.00",
				AccountFixtures.DEFERRED_6);
		UUID voidEvent = UUID.randomUUID();
		AccountFixtures.sendVoid(voidEvent, shared, voided, "500.00");
		AccountFixtures.awaitApplied(this.jdbc, voidEvent);
		AccountFixtures.purchaseOn(this.jdbc, shared, today.plusDays(15).minusMonths(24), "2400.00",
				AccountFixtures.FIXED_24);
		UUID elsewhere = deferred12(sharedAtSecond, today.plusDays(5), "700.00");
		deferred12(paidOff, today.plusDays(30), "400.00");
		pay(http, paidOff, "400.00");
		UUID partly = deferred12(refunded, today.plusDays(40), "1000.00");
		UUID refundEvent = UUID.randomUUID();
		AccountFixtures.sendRefund(refundEvent, refunded, partly, "250.00");
		AccountFixtures.awaitApplied(this.jdbc, refundEvent);
		String firstUser = practiceUser(first);

		JsonNode ending = ending(http, firstUser, "");
		assertThat(purchases(ending)).containsExactlyElementsOf(byEndThenPurchase(soon, sameDay, partly));
		assertThat(purchases(ending)).doesNotContain(later, edge, ended, voided, elsewhere);
		assertThat(purchases(ending(http, firstUser, "?days=120")))
			.containsExactlyElementsOf(byEndThenPurchase(soon, sameDay, partly, edge, later));
		assertThat(purchases(ending(http, firstUser, "?days=120&limit=2")))
			.containsExactlyElementsOf(byEndThenPurchase(soon, sameDay, partly, edge, later).subList(0, 2));
		long toEdge = ChronoUnit.DAYS.between(today, endOf(today.plusDays(65)));
		assertThat(purchases(ending(http, firstUser, "?days=" + toEdge))).contains(edge);
		assertThat(purchases(ending(http, firstUser, "?days=" + (toEdge - 1)))).doesNotContain(edge);
		assertThat(purchases(ending(http, practiceUser(second), "?days=365"))).containsExactly(elsewhere);
		assertThat(ending(http, practiceUser(UUID.randomUUID()), "?days=365")).isEmpty();

		JsonNode item = ending.valueStream()
			.filter((candidate) -> candidate.at("/purchaseId").asString().equals(partly.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(item.at("/accountId").asString()).isEqualTo(refunded.accountId().toString());
		assertThat(item.at("/last4").asString()).isEqualTo(refunded.accountNumber().substring(12));
		assertThat(item.at("/patient"))
			.isEqualTo(JSON.readTree("{\"firstName\":\"Maria\",\"lastName\":\"Chen\",\"birthYear\":1993}"));
		assertThat(item.at("/planCode").asString()).isEqualTo("DEFERRED_12");
		assertThat(item.at("/endDate").asString()).isEqualTo(endOf(today.plusDays(40)).toString());
		assertThat(item.at("/remaining").decimalValue()).isEqualByComparingTo("750.00");
		assertThat(item.propertyNames()).containsExactlyInAnyOrder("accountId", "last4", "patient", "purchaseId",
				"planCode", "endDate", "remaining", "monthlyPayoff");
		assertThat(ending.toString()).doesNotContain("1993-09-04", refunded.accountNumber(), "maria@example.com");
		theAccountsShowTheSameFigures(http, firstUser, ending);
	}

	@Test
	void theWindowStartsOnEachAccountsBusinessDate(RestTestClient http) {
		LocalDate today = LocalDate.now(NEW_YORK);
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Dubois", LocalDate.of(1966, 2, 11));
		UUID soon = deferred12(account, today.plusDays(20), "1200.00");
		UUID beyond = deferred12(account, today.plusDays(65), "800.00");
		String user = practiceUser(practice);
		assertThat(purchases(ending(http, user, ""))).containsExactly(soon);

		// the business day has been through the next week: the account's figures are for
		// the day after, and so is the window
		this.businessDay.runThrough(today.plusDays(7));

		JsonNode ending = ending(http, user, "");
		assertThat(purchases(ending)).containsExactly(soon, beyond);
		theAccountsShowTheSameFigures(http, user, ending);
	}

	/**
	 * Protects against a query whose result stream is never closed: each call would keep
	 * one of the pool's connections (10 by default), and a dashboard that asks more often
	 * than that would wait for a connection and fail.
	 */
	@Test
	@Timeout(60)
	void answersMoreCallsThanThePoolHasConnections(RestTestClient http) {
		LocalDate today = LocalDate.now(NEW_YORK);
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Pool", LocalDate.of(1980, 2, 2));
		UUID soon = deferred12(account, today.plusDays(10), "400.00");
		String user = practiceUser(practice);
		for (int call = 0; call < 25; call++) {
			assertThat(purchases(ending(http, user, "?days=60"))).as("call %d", call).containsExactly(soon);
		}
	}

	@Test
	void refusesAWindowOrLimitOutOfBoundsAndStaff(RestTestClient http) {
		String user = practiceUser(UUID.randomUUID());
		for (String query : List.of("?days=0", "?days=366", "?days=soon", "?limit=0", "?limit=101",
				"?days=60&limit=1000")) {
			String field = query.contains("limit") ? "limit" : "days";
			http.get()
				.uri("/api/accounts/promotions/ending" + query)
				.headers((headers) -> headers.setBearerAuth(user))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/invalid-request")
				.jsonPath("$.errors[0].field")
				.isEqualTo(field);
		}
		assertThat(ending(http, user, "?days=365&limit=100")).isEmpty();
		assertThat(ending(http, user, "?days=1&limit=1")).isEmpty();
		for (String role : List.of("SUPPORT", "OPS_ADMIN", "AUDITOR")) {
			http.get().uri("/api/accounts/promotions/ending").headers((headers) -> {
				headers.setBearerAuth(TestIssuer.STAFF.staffMember(role));
				headers.set("X-Access-Reason", "dashboard check");
			}).exchange().expectStatus().isForbidden();
		}
	}

	/**
	 * Each item has the remaining balance, end date, plan and monthly payoff its account
	 * shows for the purchase, on the account's business date.
	 */
	private static void theAccountsShowTheSameFigures(RestTestClient http, String token, JsonNode ending) {
		assertThat(ending.size()).isPositive();
		for (JsonNode item : ending) {
			JsonNode account = JSON.readTree(http.get()
				.uri("/api/accounts/{id}", item.at("/accountId").asString())
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseBody());
			JsonNode promotion = account.at("/promotions")
				.valueStream()
				.filter((candidate) -> candidate.at("/purchaseId").equals(item.at("/purchaseId")))
				.findFirst()
				.orElseThrow();
			assertThat(item.at("/last4")).isEqualTo(account.at("/last4"));
			for (String field : List.of("/planCode", "/endDate", "/remaining", "/monthlyPayoff")) {
				assertThat(item.at(field)).as(field).isEqualTo(promotion.at(field));
			}
			LocalDate businessDate = LocalDate.parse(account.at("/businessDate").asString());
			assertThat(LocalDate.parse(item.at("/endDate").asString())).isBetween(businessDate,
					businessDate.plusDays(60));
		}
	}

	/**
	 * A DEFERRED_12 purchase bought so that its promotion ends on (or, past a shorter
	 * month's end, just before) the given day.
	 */
	private UUID deferred12(Opened account, LocalDate ending, String amount) {
		return AccountFixtures.purchaseOn(this.jdbc, account, ending.minusMonths(12), amount,
				AccountFixtures.DEFERRED_12);
	}

	private static LocalDate endOf(LocalDate ending) {
		return ending.minusMonths(12).plusMonths(12);
	}

	private List<UUID> byEndThenPurchase(UUID... purchases) {
		return Stream.of(purchases)
			.sorted(Comparator
				.comparing((UUID purchase) -> this.jdbc
					.sql("SELECT end_date FROM promotion_balance WHERE purchase_id = :id")
					.param("id", purchase)
					.query(LocalDate.class)
					.single())
				.thenComparing(UUID::toString))
			.toList();
	}

	private static List<UUID> purchases(JsonNode ending) {
		return ending.valueStream().map((item) -> UUID.fromString(item.at("/purchaseId").asString())).toList();
	}

	private static JsonNode ending(RestTestClient http, String token, String query) {
		return JSON.readTree(http.get()
			.uri("/api/accounts/promotions/ending" + query)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody());
	}

	private static void pay(RestTestClient http, Opened account, String amount) {
		http.post().uri("/api/accounts/{id}/payments", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(
					TestIssuer.PROVIDER.practiceUserWith(account.practiceId(), "PRACTICE_USER", "POST_PAYMENTS"));
			headers.set("Idempotency-Key", UUID.randomUUID().toString());
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\":" + amount + "}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static String practiceUser(UUID practice) {
		return TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES");
	}

}
