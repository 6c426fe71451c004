package io.carefin.portal.application;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApplicationIntegrationTests {

	static final String APPLICATION_ID = "4d4d4d4d-4d4d-4d4d-8d4d-4d4d4d4d4d4d";

	static final String SSN = "321-00-0455";

	static final String LIST = "/api/transactions/applications";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.mePermitted("PROCESS_APPLICATIONS", "PROCESS_PURCHASES");
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void staffKeyAnApplicationAndSeeItApprovedWithTheLast4AndTheCreditLine(CapturedOutput output) {
		Gateway.server()
			.stubFor(post(urlEqualTo("/api/transactions/applications"))
				.willReturn(okJson(decided("APPROVED", "[]", "5000.00", "7788")).withStatus(201)));
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/applications/" + APPLICATION_ID))
				.willReturn(okJson(decided("APPROVED", "[]", "5000.00", "7788"))));
		Page form = this.browser.get("/applications/new");
		assertThat(form.heading()).isEqualTo("New application");
		Page sent = filled(form).choose("Keyed by staff").press();
		assertThat(sent.location()).isEqualTo("/applications/" + APPLICATION_ID);
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/transactions/applications")).withRequestBody(equalToJson("""
					{"firstName": "Rosa", "lastName": "Diaz", "dateOfBirth": "1984-03-09", "ssn": "321-00-0455",
					 "address": {"line1": "12 Harbor Road", "line2": null, "city": "Lakeside", "state": "NY",
					             "postalCode": "12345"},
					 "email": "rosa@example.com", "mobile": "+15552010123", "annualIncome": 85000.00,
					 "monthlyHousingPayment": 1200.00, "requestedAmount": 5000.00, "keyedBy": "STAFF"}
					""")));
		Page decision = this.browser.follow(sent);
		assertThat(decision.heading()).isEqualTo("Approved");
		assertThat(decision.text()).contains("credit line of $5,000.00 on the account ending in 7788")
			.contains("Keyed by Staff")
			.contains("•••-••-0455")
			.doesNotContain(SSN);
		assertThat(decision.link("Start a purchase for this patient").attr("href"))
			.isEqualTo("/purchases/new?account=0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
		assertThat(output.getAll()).doesNotContain(SSN).doesNotContain("1984-03-09").doesNotContain("321000455");
	}

	@Test
	void aDeclineGivesTheReasonsAPracticeMayTellThePatient() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/applications/" + APPLICATION_ID)).willReturn(okJson(
					decided("DECLINED", "[\"CREDIT_SCORE_TOO_LOW\", \"DEBT_TO_INCOME_TOO_HIGH\"]", null, null))));
		Page decision = this.browser.get("/applications/" + APPLICATION_ID);
		assertThat(decision.heading()).isEqualTo("Declined");
		assertThat(decision.html().select("section.card-declined li").eachText()).containsExactly(
				"The credit report's score is below what the card requires.",
				"Housing and other debt payments are high compared with the income given.");
	}

	@Test
	void aPendingApplicationSaysItIsUnderReview() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/applications/" + APPLICATION_ID))
				.willReturn(okJson(decided("PENDING_REVIEW", "[\"CREDIT_SCORE_REVIEW\"]", null, null))));
		Page decision = this.browser.get("/applications/" + APPLICATION_ID);
		assertThat(decision.heading()).isEqualTo("Pending review");
	}

	@Test
	void missingDetailsGetASentenceEachAndNothingIsSentAndTheSsnIsNotShownAgain() {
		Page form = this.browser.get("/applications/new");
		Page refused = this.browser.form(form, "Submit application")
			.fill("First name", "Rosa")
			.fill("Social Security number", SSN)
			.fill("State", "New York")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().select(".error-summary li").eachText()).contains(
				"Say who is typing the application: the patient or staff.", "Enter the patient's last name.",
				"Enter the state as its two letters, like NY.");
		assertThat(refused.field("First name").val()).isEqualTo("Rosa");
		assertThat(refused.body()).doesNotContain(SSN);
		Gateway.server().verify(0, postRequestedFor(urlEqualTo("/api/transactions/applications")));
	}

	@Test
	void anotherPracticesApplicationIsNotFound() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/applications/" + APPLICATION_ID))
				.willReturn(Gateway.problem(404, "not-found", "No such application.", "[]")));
		Page page = this.browser.get("/applications/" + APPLICATION_ID);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.heading()).isEqualTo("Page not found");
	}

	@Test
	void theListShowsEveryApplicationOfThePracticeNewestFirstAPageAtATime() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("page", equalTo("1"))
				.withQueryParam("limit", equalTo("20"))
				.willReturn(okJson("[" + listed(APPLICATION_ID, "APPROVED", "STAFF", "5000.00", "7788") + ", "
						+ listed("5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e5e", "DECLINED", "PATIENT", null, null) + "]")
					.withHeader("X-Total-Count", "45")));
		Page list = this.browser.get("/applications?page=1");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.html().select("title").text()).isEqualTo("Applications – CareFin");
		assertThat(list.html().select("nav.breadcrumb li").eachText()).containsExactly("Dashboard", "Applications");
		assertThat(list.html().getElementById("application-count").text()).isEqualTo("45 applications");
		assertThat(list.html().select("#applications thead th").eachText()).containsExactly("Submitted", "Patient",
				"SSN", "Keyed by", "Status", "Requested", "Credit line");
		assertThat(list.html().select("#applications tbody tr").eachText()).containsExactly(
				"2026-12-07 10:00 EST Rosa Diaz •••-••-0455 Staff Approved $5,000.00 $5,000.00 on •••• 7788",
				"2026-12-07 10:00 EST Rosa Diaz •••-••-0455 Patient Declined $5,000.00 —");
		assertThat(list.html().select("#applications tbody a").eachAttr("href"))
			.containsExactly("/applications/" + APPLICATION_ID, "/applications/5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e5e");
		assertThat(list.link("Previous page").attr("href")).isEqualTo("/applications?page=0");
		assertThat(list.link("Next page").attr("href")).isEqualTo("/applications?page=2");
		assertThat(list.html().select("nav.pagination ol li").eachText()).containsExactly("Page 1", "Page 2", "Page 3");
		assertThat(list.html().selectFirst("nav.pagination [aria-current=page]").text()).isEqualTo("Page 2");
		assertThat(list.body()).doesNotContain(SSN);
	}

	@Test
	void theListFiltersByStatusAndKeepsTheFilterFromPageToPage() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("status", equalTo("DECLINED"))
				.willReturn(okJson("[" + listed(APPLICATION_ID, "DECLINED", "PATIENT", null, null) + "]")
					.withHeader("X-Total-Count", "21")));
		Page list = this.browser.get("/applications?status=DECLINED");
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("page", equalTo("0"))
				.withQueryParam("limit", equalTo("20"))
				.withQueryParam("status", equalTo("DECLINED")));
		assertThat(list.field("Status").selectFirst("option[selected]").text()).isEqualTo("Declined");
		assertThat(list.html().getElementById("application-count").text()).isEqualTo("21 applications");
		assertThat(list.link("Next page").attr("href")).isEqualTo("/applications?status=DECLINED&page=1");
		assertThat(list.html().select("nav.pagination a[rel=prev]")).isEmpty();
	}

	@Test
	void anEmptyListSaysSoAndAnUnknownStatusListsThemAll() {
		Gateway.server().stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("[]").withHeader("X-Total-Count", "0")));
		Page none = this.browser.get("/applications?status=WHATEVER");
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.html().getElementById("application-count").text()).isEqualTo("0 applications");
		assertThat(none.text()).contains("Your practice has no applications yet.");
		assertThat(none.html().getElementById("applications")).isNull();
		assertThat(none.html().select("nav.pagination")).isEmpty();
		Gateway.server().verify(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("status", absent()));
		Page noneDeclined = this.browser.get("/applications?status=PENDING_REVIEW");
		assertThat(noneDeclined.text()).contains("None of your practice's applications is pending review.");
	}

	@Test
	void theApisRefusalOfTheListIsASentence() {
		Gateway.server()
			.stubFor(get(urlPathEqualTo(LIST))
				.willReturn(Gateway.problem(400, "invalid-request", "The page is not valid.", "[]")));
		Page list = this.browser.get("/applications");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.html().select(".notice-problem").text()).isEqualTo("The page is not valid.");
	}

	@Test
	void aUserWithoutTheApplicationsPermissionGetsThe403Page() {
		Gateway.mePermitted("PROCESS_PURCHASES");
		Page page = this.browser.get("/applications/new");
		assertThat(page.status()).isEqualTo(403);
		assertThat(this.browser.get("/applications").status()).isEqualTo(403);
		Gateway.server().verify(0, getRequestedFor(urlPathEqualTo(LIST)));
		assertThat(page.text()).contains("This needs the permission “Process applications”");
	}

	static String listed(String id, String status, String keyedBy, String limit, String last4) {
		return """
				{"applicationId": "%s", "practiceId": "%s", "practiceName": "%s", "submittedAt": "2026-12-07T15:00:00Z",
				 "decidedAt": "2026-12-07T15:00:00Z", "status": "%s", "keyedBy": "%s", "firstName": "Rosa",
				 "lastName": "Diaz", "ssnLast4": "0455", "requestedAmount": 5000.00, "creditLimit": %s,
				 "accountLast4": %s, "reasons": []}
				""".formatted(id, Gateway.PRACTICE_ID, Gateway.PRACTICE, status, keyedBy, limit,
				(last4 != null) ? "\"" + last4 + "\"" : "null");
	}

	private Page.Form filled(Page form) {
		return this.browser.form(form, "Submit application")
			.fill("First name", "Rosa")
			.fill("Last name", "Diaz")
			.fill("Date of birth", "1984-03-09")
			.fill("Social Security number", SSN)
			.fill("E-mail address", "rosa@example.com")
			.fill("Mobile phone number (optional)", "555-201-0123")
			.fill("Street address", "12 Harbor Road")
			.fill("City", "Lakeside")
			.fill("State", "ny")
			.fill("ZIP code", "12345")
			.fill("Yearly income before tax, in dollars", "$85,000")
			.fill("Monthly rent or mortgage, in dollars", "1200")
			.fill("Credit requested, in dollars", "5000");
	}

	static String decided(String status, String reasons, String limit, String last4) {
		return """
				{"applicationId": "%s", "status": "%s", "reasons": %s, "creditLimit": %s,
				 "accountId": %s, "accountLast4": %s, "existingAccount": false, "ssnLast4": "0455",
				 "requestedAmount": 5000.00, "keyedBy": "STAFF", "submittedAt": "2026-12-07T15:00:00Z",
				 "decidedAt": "2026-12-07T15:00:00Z", "reviewed": false}
				""".formatted(APPLICATION_ID, status, reasons, limit,
				(last4 != null) ? "\"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\"" : "null",
				(last4 != null) ? "\"" + last4 + "\"" : "null");
	}

}
