package io.carefin.portal.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.WorkspaceFixtures;

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
class AccountIntegrationTests {

	static final String ACCOUNT_NUMBER = "6011000990139424";

	static final String FIXED_PURCHASE = "2b2b2b2b-2b2b-4b2b-8b2b-2b2b2b2b2b2b";

	static final String SCHEDULE = "/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/promotions/" + FIXED_PURCHASE
			+ "/schedule";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.mePermitted("PROCESS_PURCHASES");
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void anAccountFoundByItsNumberIsShownByItsLast4Only() {
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/accounts/lookup"))
				.withRequestBody(equalToJson("{\"accountNumber\": \"" + ACCOUNT_NUMBER + "\"}"))
				.willReturn(
						okJson("""
								[{"accountId": "%s", "last4": "9424", "status": "ACTIVE",
								  "patient": {"firstName": "Rosa", "lastName": "Diaz", "dateOfBirth": "1984-03-09", "birthYear": 1984}}]
								"""
							.formatted(WorkspaceFixtures.ACCOUNT_ID))));
		Page lookup = this.browser.get("/accounts");
		assertThat(lookup.heading()).isEqualTo("Patient accounts");
		Page found = this.browser.form(lookup, "Find account").fill("Account number", "6011 0009 9013 9424").press();
		assertThat(found.link("Rosa Diaz, account ending in 9424").attr("href"))
			.isEqualTo("/accounts/" + WorkspaceFixtures.ACCOUNT_ID);
		assertThat(found.body()).doesNotContain(ACCOUNT_NUMBER)
			.doesNotContain("6011 0009")
			.doesNotContain("1984-03-09");
		Gateway.server().verify(0, getRequestedFor(urlPathEqualTo("/api/accounts")));
	}

	@Test
	void aLookupByNameAndDateOfBirthPostsThemAndPutsNeitherInAnAddress() {
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/accounts/lookup"))
				.withRequestBody(equalToJson("{\"lastName\": \"Diaz\", \"dateOfBirth\": \"1984-03-09\"}"))
				.willReturn(okJson("[]")));
		Page lookup = this.browser.get("/accounts");
		Page found = this.browser.form(lookup, "Find account")
			.fill("Last name", "Diaz")
			.fill("Date of birth", "1984-03-09")
			.press();
		assertThat(found.heading()).isEqualTo("Patient accounts");
		assertThat(found.html().getElementById("matches-title").text()).isEqualTo("No account found");
		Gateway.server().verify(1, postRequestedFor(urlEqualTo("/api/accounts/lookup")));
		assertThat(Gateway.server().getAllServeEvents()).extracting((event) -> event.getRequest().getUrl())
			.noneMatch((url) -> url.contains("1984") || url.contains("Diaz"));
	}

	@Test
	void aFixedPlansScheduleShowsEachPaymentsDueDateInterestPrincipalAndWhatIsLeft() {
		accountWithPromotions();
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/promotions")).willReturn(okJson(WorkspaceFixtures.plans())));
		Gateway.server()
			.stubFor(get(urlEqualTo(SCHEDULE)).willReturn(
					okJson("""
							{"purchaseId": "%s", "planCode": "FIXED_24", "principal": 5000.00, "apr": 14.90,
							 "monthlyPayment": 242.20, "lastPayment": 242.08, "numberOfPayments": 24, "totalInterest": 812.68,
							 "totalCost": 5812.68,
							 "installments": [{"number": 1, "payment": 242.20, "interest": 62.08, "principal": 180.12, "balanceAfter": 4819.88},
							                  {"number": 2, "payment": 242.20, "interest": 59.85, "principal": 182.35, "balanceAfter": 4637.53},
							                  {"number": 24, "payment": 242.08, "interest": 2.98, "principal": 239.10, "balanceAfter": 0.00}]}
							"""
						.formatted(FIXED_PURCHASE))));
		Page account = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID);
		assertThat(account.link("Payment schedule of the purchase of 2026-06-15").attr("href"))
			.isEqualTo("/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/promotions/" + FIXED_PURCHASE);
		assertThat(account.html().select("a[href*=/promotions/]")).as("a deferred plan has no schedule").hasSize(1);
		Page schedule = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/promotions/" + FIXED_PURCHASE);
		assertThat(schedule.status()).isEqualTo(200);
		assertThat(schedule.heading()).isEqualTo("Payment schedule");
		assertThat(schedule.html().select("title").text()).isEqualTo("Payment schedule – CareFin");
		assertThat(schedule.html().select("nav.breadcrumb li").eachText()).containsExactly("Dashboard", "Accounts",
				"Account", "Payment schedule");
		assertThat(schedule.html().select("h2").eachText()).contains("14.90% APR with 24 fixed payments");
		assertThat(schedule.html().select("#schedule thead th").eachText()).containsExactly("Payment", "Due", "Amount",
				"Interest", "Principal", "Left after it");
		assertThat(schedule.html().select("#schedule tbody tr").eachText()).containsExactly(
				"1 2026-07-15 $242.20 $62.08 $180.12 $4,819.88", "2 2026-08-15 $242.20 $59.85 $182.35 $4,637.53",
				"24 2028-06-15 $242.08 $2.98 $239.10 $0.00");
		assertThat(schedule.html().selectFirst(".table-scroll[tabindex=0]")).as("the table scrolls by keyboard")
			.isNotNull();
		Gateway.server().verify(1, getRequestedFor(urlEqualTo(SCHEDULE)));
	}

	@Test
	void aDeferredPlanHasNoScheduleButWhatClearsItInTime() {
		accountWithPromotions();
		Page schedule = this.browser
			.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/promotions/" + WorkspaceFixtures.PURCHASE_ID);
		assertThat(schedule.status()).isEqualTo(200);
		assertThat(schedule.text()).contains("paying $300.00 a month clears it by its end date");
		assertThat(schedule.html().getElementById("schedule")).isNull();
		Gateway.server().verify(0, getRequestedFor(urlPathMatching(".*/schedule")));
	}

	@Test
	void anotherPracticesPurchaseOnTheAccountIsNotFound() {
		accountWithPromotions();
		String elsewhere = "7a7a7a7a-7a7a-4a7a-8a7a-7a7a7a7a7a7a";
		Page unknown = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/promotions/" + elsewhere);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.heading()).isEqualTo("Page not found");
		Gateway.server()
			.stubFor(get(urlEqualTo(SCHEDULE)).willReturn(Gateway.problem(404, "not-found", "No such account.", "[]")));
		Page refused = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/promotions/" + FIXED_PURCHASE);
		assertThat(refused.status()).as("the API's 404 for a purchase it won't show").isEqualTo(404);
		assertThat(refused.heading()).isEqualTo("Page not found");
	}

	private static void accountWithPromotions() {
		Gateway.server().stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID)).willReturn(okJson("""
				{"accountId": "%s", "last4": "4242", "status": "ACTIVE",
				 "patient": {"firstName": "Rosa", "lastName": "Diaz", "birthYear": 1984},
				 "creditLimit": 9000.00, "balance": 6800.00, "availableCredit": 2200.00, "businessDate": "2026-12-07",
				 "promotions": [{"purchaseId": "%s", "planCode": "DEFERRED_12", "kind": "DEFERRED_INTEREST",
				   "purchaseDate": "2026-06-01", "endDate": "2027-06-01", "amount": 2400.00, "remaining": 1800.00,
				   "apr": 0.00, "status": "OPEN", "monthlyPayoff": 300.00, "minimumDue": 300.00},
				  {"purchaseId": "%s", "planCode": "FIXED_24", "kind": "REDUCED_APR",
				   "purchaseDate": "2026-06-15", "endDate": "2028-06-15", "amount": 5000.00, "remaining": 4637.53,
				   "apr": 14.90, "status": "OPEN", "monthlyPayoff": 242.20, "minimumDue": 242.20}]}
				""".formatted(WorkspaceFixtures.ACCOUNT_ID, WorkspaceFixtures.PURCHASE_ID, FIXED_PURCHASE))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/activity"))
				.willReturn(okJson("[]")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/payments"))
				.willReturn(okJson("[]")));
	}

	@Test
	void theAccountPageShowsBalancesPromotionsActivityAndPayments() {
		Gateway.server().stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID)).willReturn(okJson("""
				{"accountId": "%s", "last4": "4242", "status": "ACTIVE",
				 "patient": {"firstName": "Rosa", "lastName": "Diaz", "dateOfBirth": "1984-03-09", "birthYear": 1984},
				 "creditLimit": 5000.00, "balance": 1800.00, "availableCredit": 3200.00, "businessDate": "2026-12-07",
				 "promotions": [{"purchaseId": "%s", "planCode": "DEFERRED_12", "kind": "DEFERRED_INTEREST",
				   "purchaseDate": "2026-06-01", "endDate": "2027-06-01", "amount": 2400.00, "remaining": 1800.00,
				   "apr": 0.00, "status": "OPEN", "monthlyPayoff": 300.00, "minimumDue": 300.00}]}
				""".formatted(WorkspaceFixtures.ACCOUNT_ID, WorkspaceFixtures.PURCHASE_ID))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/activity")).willReturn(
					okJson("""
							[{"entryId": "5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e5e", "kind": "PAYMENT", "amount": -600.00,
							  "occurredAt": "2026-11-01T15:00:00Z", "businessDate": "2026-11-01", "description": null},
							 {"entryId": "6e6e6e6e-6e6e-4e6e-8e6e-6e6e6e6e6e6e", "kind": "PURCHASE", "amount": 2400.00,
							  "occurredAt": "2026-06-01T15:00:00Z", "businessDate": "2026-06-01", "planCode": "DEFERRED_12"}]
							""")));
		Gateway.server()
			.stubFor(
					get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/payments")).willReturn(okJson("""
							[{"paymentId": "7e7e7e7e-7e7e-4e7e-8e7e-7e7e7e7e7e7e", "amount": 600.00,
							  "postedAt": "2026-11-01T15:00:00Z", "businessDate": "2026-11-01", "allocations": []}]
							""")));
		Page account = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID);
		assertThat(account.heading()).isEqualTo("Rosa Diaz");
		assertThat(account.html().getElementById("balance").text()).isEqualTo("$1,800.00");
		assertThat(account.html().getElementById("available-credit").text()).isEqualTo("$3,200.00");
		assertThat(account.text()).contains("Account ending in 4242")
			.contains("Pay $300.00 a month to avoid interest")
			.doesNotContain("1984-03-09");
		assertThat(account.html().select("section[aria-labelledby=activity-title] tbody tr").eachText())
			.containsExactly("2026-11-01 Payment −$600.00", "2026-06-01 Purchase DEFERRED_12 $2,400.00");
		assertThat(account.html().select("section[aria-labelledby=payments-title] tbody tr").eachText())
			.containsExactly("2026-11-01 $600.00");
	}

	@Test
	void aPaymentAtTheFrontDeskIsPostedOnceWithTheFormsKeyByAUserWithThePaymentPermission() {
		Gateway.mePermitted("PROCESS_PURCHASES", "POST_PAYMENTS");
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID))
				.willReturn(okJson(WorkspaceFixtures.account("1800.00", "3200.00"))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/activity"))
				.willReturn(okJson("[]")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/payments"))
				.willReturn(okJson("[]")));
		Gateway.server()
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock
				.post(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/payments"))
				.willReturn(okJson("""
						{"paymentId": "7e7e7e7e-7e7e-4e7e-8e7e-7e7e7e7e7e7e", "amount": 150.00,
						 "postedAt": "2026-12-07T15:00:00Z", "businessDate": "2026-12-07"}
						""").withStatus(201)));
		Page account = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID);
		Page.Form form = this.browser.form(account, "Post the payment")
			.fill("Payment received at the practice, in dollars", "150");
		Page posted = form.press();
		form.press();
		var keys = Gateway.server()
			.findAll(com.github.tomakehurst.wiremock.client.WireMock
				.postRequestedFor(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/payments"))
				.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"amount\": 150.00}")))
			.stream()
			.map((request) -> request.getHeader("Idempotency-Key"))
			.toList();
		assertThat(keys).hasSize(2).containsOnly(form.fields().get("idempotencyKey"));
		assertThat(this.browser.follow(posted).text()).contains("A payment of $150.00 is posted.");
	}

	@Test
	void withoutThePaymentPermissionThereIsNoPaymentFormAndPostingIsRefused() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID))
				.willReturn(okJson(WorkspaceFixtures.account("1800.00", "3200.00"))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/activity"))
				.willReturn(okJson("[]")));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/payments"))
				.willReturn(okJson("[]")));
		Page account = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID);
		assertThat(account.html().select("button").eachText()).doesNotContain("Post the payment");
		java.util.Map<String, String> forged = new java.util.LinkedHashMap<>();
		forged.put("_csrf", account.html().selectFirst("meta[name=_csrf]").attr("content"));
		forged.put("amount", "150");
		forged.put("idempotencyKey", "7e7e7e7e-7e7e-4e7e-8e7e-7e7e7e7e7e7e");
		Page refused = this.browser.post("/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/payments", forged);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text()).contains("“Post payments”");
	}

	@Test
	void anotherPracticesAccountIsNotFoundAsAnUnknownOneIs() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID))
				.willReturn(Gateway.problem(404, "account-not-found", "No such account.", "[]")));
		Page page = this.browser.get("/accounts/" + WorkspaceFixtures.ACCOUNT_ID);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.heading()).isEqualTo("Page not found");
		Gateway.server()
			.verify(0, getRequestedFor(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID + "/activity")));
	}

}
