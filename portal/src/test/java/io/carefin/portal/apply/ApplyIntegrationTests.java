package io.carefin.portal.apply;

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
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient applies on their own phone through their practice's link, without a portal
 * session.
 */
@PortalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApplyIntegrationTests {

	static final String CODE = "BRIGHT-SMILES";

	static final String PRACTICE_PATH = "/api/transactions/practices/" + CODE;

	static final String APPLICATIONS_PATH = PRACTICE_PATH + "/applications";

	static final String SSN = "321-00-0455";

	static final String BIRTH_DATE = "1984-03-09";

	static final String CONSENT = "I have read the terms above. I authorize the credit check and agree to receive the "
			+ "disclosures electronically.";

	@LocalServerPort
	int port;

	Browser patient;

	@BeforeEach
	void aPracticeWithALink() {
		Gateway.reset();
		Gateway.server()
			.stubFor(get(urlEqualTo(PRACTICE_PATH))
				.willReturn(okJson("{\"practiceCode\": \"BRIGHT-SMILES\", \"name\": \"Bright Smiles Dental\"}")));
		this.patient = Browser.on(this.port).withHeader("X-Client-Address", "198.51.100.23");
	}

	@Test
	void aPatientAppliesWithoutSigningInAndIsApprovedWithTheCreditLineAndLast4(CapturedOutput output) {
		Gateway.server().stubFor(post(urlEqualTo(APPLICATIONS_PATH)).willReturn(okJson("""
				{"status": "APPROVED", "reasons": [], "creditLimit": 1500.00, "accountLast4": "1234",
				 "practiceName": "Bright Smiles Dental"}
				""").withStatus(201)));
		Page form = this.patient.get("/apply/" + CODE);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().title()).isEqualTo("Apply for CareFin at Bright Smiles Dental – CareFin");
		assertThat(form.text()).contains("Bright Smiles Dental");
		assertThat(form.heading()).isEqualTo("Apply for a CareFin credit card");
		assertThat(form.html().select("form input[name=_csrf]")).as("the form's CSRF token").hasSize(1);
		assertThat(form.html().select("input[name=keyedBy]")).isEmpty();

		Page sent = filled(form).check(CONSENT).press();

		assertThat(sent.status()).isEqualTo(302);
		assertThat(sent.location()).isEqualTo("/apply/" + CODE + "/decision")
			.doesNotContain("1984")
			.doesNotContain("0455");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo(APPLICATIONS_PATH)).withHeader("Authorization", absent())
				.withHeader("X-Forwarded-For", equalTo("198.51.100.23"))
				.withRequestBody(equalToJson("""
						{"firstName": "Rosa", "lastName": "Diaz", "dateOfBirth": "1984-03-09", "ssn": "321-00-0455",
						 "address": {"line1": "12 Harbor Road", "line2": null, "city": "Lakeside", "state": "NY",
						             "postalCode": "12345"},
						 "email": "rosa@example.com", "mobile": "+15552010123", "annualIncome": 52000.00,
						 "monthlyHousingPayment": 1200.00, "requestedAmount": 1500.00}
						""")));
		Page decision = this.patient.follow(sent);
		assertThat(decision.heading()).isEqualTo("You're approved");
		assertThat(decision.html().title()).isEqualTo("You're approved – CareFin");
		assertThat(decision.text()).contains("Your CareFin credit line is $1,500.00")
			.contains("ending in 1234")
			.contains("Show this screen to the front desk at Bright Smiles Dental")
			.doesNotContain("0455")
			.doesNotContain(BIRTH_DATE);
		assertThat(output.getAll()).doesNotContain(SSN).doesNotContain("321000455").doesNotContain(BIRTH_DATE);
	}

	@Test
	void refreshingTheDecisionShowsItAgainWithoutApplyingTwice() {
		Gateway.server().stubFor(post(urlEqualTo(APPLICATIONS_PATH)).willReturn(okJson("""
				{"status": "APPROVED", "reasons": [], "creditLimit": 1500.00, "accountLast4": "1234",
				 "practiceName": "Bright Smiles Dental"}
				""")));
		Page sent = filled(this.patient.get("/apply/" + CODE)).check(CONSENT).press();
		this.patient.follow(sent);
		Page again = this.patient.follow(sent);
		assertThat(again.heading()).isEqualTo("You're approved");
		Gateway.server().verify(1, postRequestedFor(urlEqualTo(APPLICATIONS_PATH)));
		Gateway.server().verify(1, getRequestedFor(urlEqualTo(PRACTICE_PATH)));
	}

	@Test
	void aDeclineGivesTheReasonsAndSaysALetterFollows() {
		Gateway.server().stubFor(post(urlEqualTo(APPLICATIONS_PATH)).willReturn(okJson("""
				{"status": "DECLINED", "reasons": ["CREDIT_SCORE_TOO_LOW", "DEBT_TO_INCOME_TOO_HIGH"],
				 "creditLimit": null, "accountLast4": null, "practiceName": "Bright Smiles Dental"}
				""")));
		Page decision = this.patient.follow(filled(this.patient.get("/apply/" + CODE)).check(CONSENT).press());
		assertThat(decision.heading()).isEqualTo("We can't approve your application");
		assertThat(decision.html().select("section.card-declined li").eachText()).containsExactly(
				"The score on your credit report is below what the card requires.",
				"Your housing and other debt payments are high compared with the income you gave.");
		assertThat(decision.text()).contains("A letter follows within 30 days");
	}

	@Test
	void aPendingApplicationSaysItIsUnderReview() {
		Gateway.server().stubFor(post(urlEqualTo(APPLICATIONS_PATH)).willReturn(okJson("""
				{"status": "PENDING_REVIEW", "reasons": ["CREDIT_SCORE_REVIEW"], "creditLimit": null,
				 "accountLast4": null, "practiceName": "Bright Smiles Dental"}
				""")));
		Page decision = this.patient.follow(filled(this.patient.get("/apply/" + CODE)).check(CONSENT).press());
		assertThat(decision.heading()).isEqualTo("Your application is under review");
		assertThat(decision.text()).contains("You don't need to apply again");
	}

	@Test
	void withoutConsentNothingIsSentAndEachMissingDetailGetsASentenceBesideItsField() {
		Page form = this.patient.get("/apply/" + CODE);
		Page refused = this.patient.form(form, "Submit application")
			.fill("First name", "Rosa")
			.fill("Date of birth", BIRTH_DATE)
			.fill("Social Security number", SSN)
			.fill("State", "New York")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().title()).startsWith("Error: ");
		assertThat(refused.html().select(".error-summary li").eachText()).contains("Enter your last name.",
				"Enter your state as its two letters, like NY.",
				"To apply, tick the box to agree to the credit check and to receive the disclosures electronically.");
		assertThat(refused.html().select("#consent-error").text())
			.contains("To apply, tick the box to agree to the credit check");
		assertThat(refused.field(CONSENT).attr("aria-describedby")).contains("consent-error");
		assertThat(refused.html().select("#state-error").text()).contains("Enter your state as its two letters");
		assertThat(refused.field("First name").val()).isEqualTo("Rosa");
		assertThat(refused.body()).doesNotContain(SSN);
		Gateway.server().verify(0, postRequestedFor(urlEqualTo(APPLICATIONS_PATH)));
	}

	@Test
	void theApisFieldErrorsAreShownBesideTheFieldsItNames() {
		Gateway.server()
			.stubFor(post(urlEqualTo(APPLICATIONS_PATH))
				.willReturn(Gateway.problem(400, "invalid-request", "Invalid request", """
						[{"field": "address.postalCode", "message": "must be a ZIP code"},
						 {"field": "ssn", "message": "must be nine digits"}]
						""")));
		Page refused = filled(this.patient.get("/apply/" + CODE)).check(CONSENT).press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().select("#ssn-error").text())
			.contains("Enter your Social Security number: nine digits");
		assertThat(refused.html().select("#postalCode-error").text()).contains("Enter your ZIP code, like 10001.");
		assertThat(refused.html().select(".error-summary a").eachAttr("href")).containsExactly("#ssn", "#postalCode");
		assertThat(refused.body()).doesNotContain(SSN);
	}

	@Test
	void everyFieldHasALabel() {
		Page form = this.patient.get("/apply/" + CODE);
		form.html()
			.select("form input:not([type=hidden])")
			.forEach((input) -> assertThat(form.html().select("label[for=" + input.id() + "]"))
				.as("the label of " + input.attr("name"))
				.hasSize(1));
		assertThat(form.field("Date of birth").attr("autocomplete")).isEqualTo("bday");
		assertThat(form.field("Social Security number").attr("type")).isEqualTo("password");
	}

	@Test
	void anUnknownPracticesLinkIsAFriendlyNotFoundPage() {
		Gateway.server()
			.stubFor(get(urlEqualTo("/api/transactions/practices/NO-SUCH"))
				.willReturn(Gateway.problem(404, "not-found", "No such practice.", "[]")));
		Page page = this.patient.get("/apply/NO-SUCH");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.html().title()).isEqualTo("Application link not valid – CareFin");
		assertThat(page.text()).contains("This application link is not valid. Ask your practice for its current link.");
	}

	@Test
	void aLinkThatIsNoCodeAsksTheApiNothing() {
		Page page = this.patient.get("/apply/%3Cscript%3E");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.text()).contains("This application link is not valid.");
		Gateway.server().verify(0, getRequestedFor(urlPathMatching("/api/transactions/practices/.*")));
	}

	@Test
	void tooManyApplicationsFromOneBrowserGetThePleaseWaitPage() {
		Gateway.server()
			.stubFor(post(urlEqualTo(APPLICATIONS_PATH)).willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "120")
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\": \"https://carefin.io/problems/too-many-requests\", \"status\": 429}")));
		Page page = filled(this.patient.get("/apply/" + CODE)).check(CONSENT).press();
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.header("Retry-After")).isEqualTo("120");
		assertThat(page.heading()).isEqualTo("Please wait a moment");
	}

	@Test
	void whenTheApiIsDownThePatientGetsTheUnavailablePage() {
		Gateway.server()
			.stubFor(get(urlEqualTo(PRACTICE_PATH)).willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\": \"https://carefin.io/problems/service-unavailable\", \"status\": 503}")));
		Page page = this.patient.get("/apply/" + CODE);
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.heading()).isEqualTo("CareFin can't be reached right now");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		Page form = this.patient.get("/apply/" + CODE);
		Page refused = filled(form).check(CONSENT).withoutCsrfToken().press();
		assertThat(refused.status()).isEqualTo(403);
		Gateway.server().verify(0, postRequestedFor(urlEqualTo(APPLICATIONS_PATH)));
	}

	@Test
	void theDecisionPageWithoutADecisionGoesBackToTheForm() {
		Page page = this.patient.get("/apply/" + CODE + "/decision");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo("/apply/" + CODE);
	}

	private Page.Form filled(Page form) {
		return this.patient.form(form, "Submit application")
			.fill("First name", "Rosa")
			.fill("Last name", "Diaz")
			.fill("Date of birth", BIRTH_DATE)
			.fill("Social Security number", SSN)
			.fill("E-mail address", "rosa@example.com")
			.fill("Mobile phone number (optional)", "555-201-0123")
			.fill("Street address", "12 Harbor Road")
			.fill("City", "Lakeside")
			.fill("State", "ny")
			.fill("ZIP code", "12345")
			.fill("Yearly income before tax, in dollars", "$52,000")
			.fill("Monthly rent or mortgage, in dollars", "1200")
			.fill("Credit requested, in dollars", "1500");
	}

}
