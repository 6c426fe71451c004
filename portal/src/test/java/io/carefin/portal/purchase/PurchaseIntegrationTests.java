package io.carefin.portal.purchase;

import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.WorkspaceFixtures;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class PurchaseIntegrationTests {

	static final String PURCHASES = "/api/transactions/purchases";

	static final String FORM = "/purchases/new?account=" + WorkspaceFixtures.ACCOUNT_ID;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.mePermitted("PROCESS_PURCHASES", "PROCESS_REFUNDS", "VIEW_REPORTS");
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID))
				.willReturn(okJson(WorkspaceFixtures.account("0.00", "5000.00"))));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/promotions")).willReturn(okJson(WorkspaceFixtures.plans())));
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/transactions/quotes")).withRequestBody(equalToJson("{\"amount\": 5000.00}"))
				.willReturn(okJson(WorkspaceFixtures.quotesFor5000())));
		Gateway.server()
			.stubFor(get(urlEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID))
				.willReturn(okJson(WorkspaceFixtures.purchase("APPROVED", "5000.00", "0.00", "5000.00"))));
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void thePatientsAccountIsFoundByLastNameAndDateOfBirthWithoutEitherInTheAddress() {
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/accounts/lookup"))
				.withRequestBody(equalToJson("{\"lastName\": \"Diaz\", \"dateOfBirth\": \"1984-03-09\"}"))
				.willReturn(
						okJson("""
								[{"accountId": "%s", "last4": "4242", "status": "ACTIVE",
								  "patient": {"firstName": "Rosa", "lastName": "Diaz", "dateOfBirth": "1984-03-09", "birthYear": 1984}}]
								"""
							.formatted(WorkspaceFixtures.ACCOUNT_ID))));
		Page find = this.browser.get("/purchases/new");
		assertThat(find.heading()).isEqualTo("New purchase");
		Page found = this.browser.form(find, "Find account")
			.fill("Last name", "Diaz")
			.fill("Date of birth", "1984-03-09")
			.press();
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.link("Rosa Diaz, account ending in 4242").attr("href")).isEqualTo(FORM);
		assertThat(found.html().select(".match-list").text()).as("the match shows no date of birth")
			.doesNotContain("1984");
		assertThat(Gateway.server().getAllServeEvents()).extracting((event) -> event.getRequest().getUrl())
			.as("no address the portal asked carries the date of birth")
			.isNotEmpty()
			.noneMatch((url) -> url.contains("1984"));
	}

	@Test
	void aLookupWithoutEnoughToGoOnSaysWhatIsMissingAndAsksNothing() {
		Page find = this.browser.get("/purchases/new");
		Page refused = this.browser.form(find, "Find account").fill("Last name", "Diaz").press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().select(".error-summary li").eachText())
			.containsExactly("Enter the patient's date of birth, like 1980-05-17.");
		Page shortNumber = this.browser.form(find, "Find account").fill("Account number", "4111 1111").press();
		assertThat(shortNumber.html().select(".error-summary li").eachText())
			.containsExactly("An account number has 16 digits.");
		assertThat(shortNumber.field("Account number").val()).isEmpty();
		Gateway.server().verify(0, postRequestedFor(urlPathEqualTo("/api/accounts/lookup")));
	}

	@Test
	void eachPlanShowsTheApiCalculatorsQuoteForTheAmount() {
		Page form = this.browser.get(FORM + "&amount=5000");
		assertThat(form.text()).contains("Rosa Diaz").contains("$5,000.00");
		assertThat(form.html().select("#plan-DEFERRED_12-quote, #plan-FIXED_24-quote").eachText()).hasSize(2);
		String fixed = form.html().selectFirst("#plan-FIXED_24-quote").text();
		assertThat(fixed).contains("$242.20 a month")
			.contains("for 24 months")
			.contains("last payment $242.08")
			.contains("total interest $812.68");
		assertThat(form.html().selectFirst("#plan-DEFERRED_12-quote").text()).contains("$416.67 a month")
			.contains("promotion ends 2027-12-07");
		assertThat(form.html().select("[id$=-disclosure]").eachText())
			.anyMatch((text) -> text.contains("No interest if paid in full within 12 months"));

		Page live = this.browser.get("/purchases/new/plans?account=" + WorkspaceFixtures.ACCOUNT_ID + "&amount=5000");
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.html().selectFirst("fieldset#plan-choices")).isNotNull();
		assertThat(live.html().select("header, footer")).isEmpty();
		assertThat(live.text()).contains("$242.20 a month");
	}

	@Test
	void aPlanWhoseMinimumTheAmountMissesCannotBeChosen() {
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/transactions/quotes")).withRequestBody(equalToJson("{\"amount\": 500.00}"))
				.willReturn(okJson("""
						{"quotes": [{"promotionCode": "DEFERRED_12", "amount": 500.00, "monthlyPayment": 41.67,
						  "numberOfPayments": 12, "lastPayment": 41.63, "totalInterest": 0.00, "totalCost": 500.00,
						  "minimumPayment": 41.67, "apr": 0.00, "promotionEndDate": "2027-12-07", "minimumMet": true}]}
						""")));
		Page form = this.browser.get(FORM + "&amount=500");
		assertThat(form.html().selectFirst("#plan-FIXED_24").hasAttr("disabled")).isTrue();
		assertThat(form.html().selectFirst("#plan-FIXED_24-quote").text())
			.isEqualTo("Needs a purchase of $1,000.00 or more.");
	}

	@Test
	void theSameFormSentTwiceChargesWithOneKeyAndShowsOnePurchase() {
		Gateway.server()
			.stubFor(post(urlEqualTo(PURCHASES)).willReturn(
					okJson(WorkspaceFixtures.purchase("APPROVED", "5000.00", "0.00", "5000.00")).withStatus(201)));
		Page form = this.browser.get(FORM + "&amount=5000");
		Page.Form filled = this.browser.form(form, "Charge the account")
			.fill("Amount, in dollars", "5000")
			.choose("14.90% APR with 24 fixed payments")
			.check("The patient has read the chosen plan's disclosure and accepts it");
		Page first = filled.press();
		Page second = filled.press();
		assertThat(first.location()).isEqualTo("/purchases/" + WorkspaceFixtures.PURCHASE_ID + "?new");
		assertThat(second.location()).isEqualTo(first.location());
		List<String> keys = Gateway.server()
			.findAll(postRequestedFor(urlEqualTo(PURCHASES)))
			.stream()
			.map((request) -> request.getHeader("Idempotency-Key"))
			.toList();
		assertThat(keys).hasSize(2).doesNotContainNull();
		assertThat(keys.get(0)).isEqualTo(keys.get(1)).isEqualTo(filled.fields().get("idempotencyKey"));
		Gateway.server().verify(2, postRequestedFor(urlEqualTo(PURCHASES)).withRequestBody(equalToJson("""
				{"accountId": "%s", "amount": 5000.00, "promotionCode": "FIXED_24",
				 "disclosureVersion": "FIXED_24.1.portal-2026-12"}
				""".formatted(WorkspaceFixtures.ACCOUNT_ID))));
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('disclosure_acknowledgement') IS NULL", Boolean.class))
			.as("the API keeps the acknowledgement, the portal no table of its own")
			.isTrue();
		Gateway.server()
			.stubFor(
					get(urlEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID)).willReturn(okJson(WorkspaceFixtures
						.purchase("APPROVED", "5000.00", "0.00", "5000.00", "FIXED_24.1.portal-2026-12"))));

		Page another = this.browser.get(FORM + "&amount=5000");
		assertThat(this.browser.form(another, "Charge the account").fields().get("idempotencyKey"))
			.as("a new form, a new key")
			.isNotEqualTo(keys.get(0));

		Page result = this.browser.follow(first);
		assertThat(result.heading()).isEqualTo("Approved");
		assertThat(result.text()).contains("Authorization code A1B2C3");
		assertThat(result.html().getElementById("disclosure-version").text())
			.isEqualTo("Version FIXED_24.1.portal-2026-12");
	}

	@Test
	void aSecondSendWhileTheFirstIsStillChargingWaitsForTheFirstsAnswer() {
		Gateway.server()
			.stubFor(post(urlEqualTo(PURCHASES)).inScenario("in flight")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(Gateway.problem(409, "idempotency-key-in-flight",
						"A request with this Idempotency-Key is still being processed.", "[]"))
				.willSetStateTo("done"));
		Gateway.server()
			.stubFor(post(urlEqualTo(PURCHASES)).inScenario("in flight")
				.whenScenarioStateIs("done")
				.willReturn(
						okJson(WorkspaceFixtures.purchase("APPROVED", "5000.00", "0.00", "5000.00")).withStatus(201)));
		Page form = this.browser.get(FORM + "&amount=5000");
		Page sent = this.browser.form(form, "Charge the account")
			.fill("Amount, in dollars", "5000")
			.choose("14.90% APR with 24 fixed payments")
			.check("The patient has read the chosen plan's disclosure and accepts it")
			.press();
		assertThat(sent.location()).isEqualTo("/purchases/" + WorkspaceFixtures.PURCHASE_ID + "?new");
		Gateway.server().verify(2, postRequestedFor(urlEqualTo(PURCHASES)));
	}

	@Test
	void withoutTheDisclosureAcceptedNothingIsCharged() {
		Page form = this.browser.get(FORM + "&amount=5000");
		Page refused = this.browser.form(form, "Charge the account")
			.fill("Amount, in dollars", "5000")
			.choose("14.90% APR with 24 fixed payments")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().select(".error-summary li").eachText())
			.containsExactly("Confirm that the patient has read and accepted the plan's disclosure.");
		Gateway.server().verify(0, postRequestedFor(urlEqualTo(PURCHASES)));
	}

	@Test
	void anAmountOverTheAvailableCreditIsRefusedWithASentence() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/accounts/" + WorkspaceFixtures.ACCOUNT_ID))
				.willReturn(okJson(WorkspaceFixtures.account("4000.00", "1000.00"))));
		Page form = this.browser.get(FORM);
		Page refused = this.browser.form(form, "Charge the account")
			.fill("Amount, in dollars", "$1,000.01")
			.choose("No interest if paid in full in 12 months")
			.check("The patient has read the chosen plan's disclosure and accepts it")
			.press();
		assertThat(refused.html().select(".error-summary li").eachText())
			.containsExactly("The amount is more than the account's available credit of $1,000.00.");
		Gateway.server().verify(0, postRequestedFor(urlEqualTo(PURCHASES)));
	}

	@Test
	void theApisRefusalBecomesASentenceOnTheForm() {
		Gateway.server()
			.stubFor(post(urlEqualTo(PURCHASES)).willReturn(Gateway.problem(422, "promotion-not-enabled",
					"The practice does not offer the plan FIXED_24: enable it in Manage Promotions or pick another.",
					"[]")));
		Page form = this.browser.get(FORM + "&amount=5000");
		Page refused = this.browser.form(form, "Charge the account")
			.fill("Amount, in dollars", "5000")
			.choose("14.90% APR with 24 fixed payments")
			.check("The patient has read the chosen plan's disclosure and accepts it")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("The practice does not offer the plan FIXED_24")
			.doesNotContain("promotion-not-enabled");
	}

	@Test
	void theReceiptShowsTheAuthorizationCodeAndPrintsWithoutThePortalsMenus() {
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/transactions/quotes"))
				.withRequestBody(equalToJson("{\"amount\": 5000.00, \"promotionCode\": \"FIXED_24\"}"))
				.willReturn(
						okJson("""
								{"promotionCode": "FIXED_24", "amount": 5000.00, "monthlyPayment": 242.20, "numberOfPayments": 24,
								 "lastPayment": 242.08, "totalInterest": 812.68, "totalCost": 5812.68, "minimumPayment": 242.20,
								 "apr": 14.90, "promotionEndDate": "2028-12-07", "minimumMet": true}
								""")));
		Page receipt = this.browser.get("/purchases/" + WorkspaceFixtures.PURCHASE_ID + "/receipt");
		assertThat(receipt.heading()).isEqualTo("Receipt");
		assertThat(receipt.text()).contains(Gateway.PRACTICE)
			.contains("Authorization code A1B2C3")
			.contains("ending in 4242")
			.contains("Monthly payment $242.20");
		String css = this.browser.get(receipt.html().selectFirst("link[rel=stylesheet]").attr("href")).body();
		assertThat(css).contains("@media print").containsPattern("\\.site-nav[\\s\\S]*display: none");
	}

	@Test
	void aRefundIsConfirmedOnAPageOfItsOwnAndSentWithAKey() {
		Gateway.server()
			.stubFor(
					post(urlEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID + "/refunds")).willReturn(okJson("""
							{"refundId": "77777777-7777-4777-8777-777777777777", "purchaseId": "%s", "amount": 1200.00,
							 "settled": false, "refunded": 1200.00, "remaining": 3800.00}
							""".formatted(WorkspaceFixtures.PURCHASE_ID)).withStatus(201)));
		Page purchase = this.browser.get("/purchases/" + WorkspaceFixtures.PURCHASE_ID);
		Page confirm = this.browser.form(purchase, "Continue to refund")
			.fill("Refund amount, in dollars", "1200")
			.press();
		assertThat(confirm.heading()).isEqualTo("Refund $1,200.00?");
		Gateway.server()
			.verify(0, postRequestedFor(urlPathEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID + "/refunds")));
		Page done = this.browser.form(confirm, "Refund $1,200.00").press();
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID + "/refunds"))
				.withHeader("Idempotency-Key",
						com.github.tomakehurst.wiremock.client.WireMock.matching("[0-9a-f-]{36}"))
				.withRequestBody(equalToJson("{\"amount\": 1200.00}")));
		assertThat(this.browser.follow(done).text()).contains("Refunded $1,200.00. $3,800.00 of the purchase is left.");
	}

	@Test
	void aRefundOverWhatIsLeftIsRefusedWithASentenceAndSendsNothing() {
		Gateway.server()
			.stubFor(get(urlEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID))
				.willReturn(okJson(WorkspaceFixtures.purchase("APPROVED", "5000.00", "1200.00", "3800.00"))));
		Page purchase = this.browser.get("/purchases/" + WorkspaceFixtures.PURCHASE_ID);
		Page refused = this.browser.form(purchase, "Continue to refund")
			.fill("Refund amount, in dollars", "3800.01")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().select(".error-summary li").eachText())
			.containsExactly("A refund can't be more than what is left of the purchase: $3,800.00.");
		Gateway.server()
			.verify(0, postRequestedFor(urlPathEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID + "/refunds")));
	}

	@Test
	void aUserWithoutTheRefundPermissionSeesNoRefundAndGetsA403PageThatNamesIt() {
		Gateway.mePermitted("PROCESS_PURCHASES");
		Page purchase = this.browser.get("/purchases/" + WorkspaceFixtures.PURCHASE_ID);
		assertThat(purchase.html().select("button").eachText()).doesNotContain("Continue to refund")
			.contains("Void this purchase");
		Page forbidden = this.browser.get("/purchases/" + WorkspaceFixtures.PURCHASE_ID + "/refund");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.heading()).isEqualTo("You don't have permission to do this");
		assertThat(forbidden.text()).contains("This needs the permission “Process refunds”");
	}

	@Test
	void aVoidIsConfirmedFirstAndASettledPurchasesRefusalIsASentence() {
		Gateway.server()
			.stubFor(post(urlEqualTo(PURCHASES + "/" + WorkspaceFixtures.PURCHASE_ID + "/void"))
				.willReturn(Gateway.problem(409, "purchase-settled",
						"This purchase has settled and can no longer be voided: issue a refund instead.", "[]")));
		Page purchase = this.browser.get("/purchases/" + WorkspaceFixtures.PURCHASE_ID);
		Page confirm = this.browser.form(purchase, "Void this purchase").press();
		assertThat(confirm.heading()).isEqualTo("Void this purchase?");
		Page refused = this.browser.form(confirm, "Void the purchase").press();
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text())
			.contains("This purchase has settled and can no longer be voided: issue a refund instead.");
	}

	@Test
	void anotherPracticesPurchaseIsNotFound() {
		String other = "2b2b2b2b-2b2b-4b2b-8b2b-2b2b2b2b2b2b";
		Gateway.server()
			.stubFor(get(urlEqualTo(PURCHASES + "/" + other))
				.willReturn(Gateway.problem(404, "not-found", "No such purchase.", "[]")));
		Page page = this.browser.get("/purchases/" + other);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.heading()).isEqualTo("Page not found");
	}

}
