package io.carefin.portal.signin;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class SecondFactorIntegrationTests {

	static final String CHALLENGE = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void challenged() {
		Gateway.reset();
		Gateway.server().stubFor(post("/api/auth/login").willReturn(okJson("""
				{"status": "MFA_REQUIRED", "challengeId": "%s", "methods": ["SMS", "EMAIL"],
				 "destinations": {"SMS": "***-***-1234", "EMAIL": "a***@lakeside.example"}}
				""".formatted(CHALLENGE))));
		Gateway.meIs("[]");
		this.browser = Browser.on(this.port);
	}

	@Test
	void theCodePageSaysWhereTheCodeWent() {
		Page signedIn = this.browser.signIn();
		assertThat(signedIn.location()).isEqualTo("/mfa");
		Page code = this.browser.follow(signedIn);
		assertThat(code.heading()).isEqualTo("Enter your security code");
		assertThat(code.text()).contains("We sent a 6-digit code by text message to ***-***-1234.");
		Element field = code.field("Code");
		assertThat(field.attr("inputmode")).isEqualTo("numeric");
		assertThat(field.attr("autocomplete")).isEqualTo("one-time-code");
		assertThat(code.button("Verify").attr("type")).isEqualTo("submit");
		assertThat(code.button("Send a new code").attr("type")).isEqualTo("submit");
		assertThat(code.field("Text message to ***-***-1234").attr("checked")).isNotNull();
		assertThat(code.field("E-mail to a***@lakeside.example").attr("type")).isEqualTo("radio");
	}

	@Test
	void theRightCodeSignsIn() {
		Gateway.server()
			.stubFor(post("/api/auth/mfa/verify").willReturn(okJson(Gateway.tokens(Gateway.ACCESS_TOKEN, "r", 600))));
		Page code = this.browser.follow(this.browser.signIn());
		Page verified = this.browser.form(code, "Verify").fill("Code", "123 456").press();
		assertThat(verified.location()).isEqualTo("/dashboard");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/mfa/verify"))
				.withRequestBody(equalToJson("{\"challengeId\": \"" + CHALLENGE + "\", \"code\": \"123456\"}")));
		assertThat(this.browser.follow(verified).heading()).isEqualTo(Gateway.PRACTICE);
	}

	@Test
	void aWrongCodeStaysOnTheCodePageAndTheFifthSendsTheUserBackToSignIn() {
		Gateway.server()
			.stubFor(post("/api/auth/mfa/verify").willReturn(Gateway.problem(401, "sign-in-failed", "No.", "[]")));
		Page code = this.browser.follow(this.browser.signIn());
		for (int attempt = 1; attempt < 5; attempt++) {
			Page wrong = this.browser.form(code, "Verify").fill("Code", "000000").press();
			assertThat(wrong.location()).as("attempt %d", attempt).isEqualTo("/mfa");
			code = this.browser.follow(wrong);
			assertThat(code.html().select("[role=alert]").text())
				.contains("The code is incorrect or has expired, or the account can't be used right now.");
		}
		Page over = this.browser.form(code, "Verify").fill("Code", "000000").press();
		assertThat(over.location()).isEqualTo("/");
		assertThat(this.browser.follow(over).text()).contains(SignInIntegrationTests.REFUSAL);
		assertThat(this.browser.get("/mfa").location()).isEqualTo("/");
	}

	@Test
	void aCodeThatIsNotSixDigitsIsCaughtBeforeTheApi() {
		Page code = this.browser.follow(this.browser.signIn());
		Page refused = this.browser.form(code, "Verify").fill("Code", "12345").press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().getElementById("code-error").text()).contains("The code is 6 digits, like 123456.");
		Gateway.server().verify(0, postRequestedFor(urlEqualTo("/api/auth/mfa/verify")));
	}

	@Test
	void aNewCodeCanBeSentByAnotherMethod() {
		Gateway.server().stubFor(post("/api/auth/mfa/resend").willReturn(aResponse().withStatus(202)));
		Page code = this.browser.follow(this.browser.signIn());
		Page sent = this.browser.form(code, "Send a new code").choose("E-mail to a***@lakeside.example").press();
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/mfa/resend"))
				.withRequestBody(equalToJson("{\"challengeId\": \"" + CHALLENGE + "\", \"method\": \"EMAIL\"}")));
		Page again = this.browser.follow(sent);
		assertThat(again.text()).contains("We've sent a new code by e-mail to a***@lakeside.example.")
			.contains("We sent a 6-digit code by e-mail to a***@lakeside.example.");
	}

	@Test
	void anAuthenticatorAppIsAskedForFirstWithoutSendingAnything() {
		Gateway.server().stubFor(post("/api/auth/login").willReturn(okJson("""
				{"status": "MFA_REQUIRED", "challengeId": "%s", "methods": ["TOTP"], "destinations": {}}
				""".formatted(CHALLENGE))));
		Page code = this.browser.follow(this.browser.signIn());
		assertThat(code.text())
			.contains("Open your authenticator app and enter the 6-digit code it shows for CareFin.");
		assertThat(code.html().select("button").eachText()).doesNotContain("Send a new code");
	}

	@Test
	void theCodePageNeedsAPasswordFirst() {
		assertThat(this.browser.get("/mfa").location()).isEqualTo("/");
	}

}
