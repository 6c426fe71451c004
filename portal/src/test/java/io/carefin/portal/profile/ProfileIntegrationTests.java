package io.carefin.portal.profile;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class ProfileIntegrationTests {

	static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.meIs("""
				[{"method": "TOTP", "destination": null}, {"method": "SMS", "destination": "***-***-1234"}]""");
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void theProfileSaysWhoTheUserIsInWords() {
		Page profile = this.browser.get("/profile");
		assertThat(profile.html().title()).isEqualTo("Your profile – CareFin");
		assertThat(profile.text()).contains("ames@lakeside.example")
			.contains(Gateway.PRACTICE)
			.contains("Practice administrator")
			.contains("Process purchases")
			.contains("View reports")
			.contains("Manage the practice's users")
			.doesNotContain("PROCESS_PURCHASES");
		assertThat(profile.html().select(".plain-list li").eachText()).containsExactly("Process purchases",
				"View reports", "Manage the practice's users");
	}

	@Test
	void eachSecondFactorHasARemoveButton() {
		Gateway.server().stubFor(delete("/api/auth/me/factors/sms").willReturn(aResponse().withStatus(204)));
		Page profile = this.browser.get("/profile");
		assertThat(profile.html().select(".factor h3").eachText()).containsExactly("Authenticator app", "Text message");
		Page removed = this.browser.form(profile, "Remove Text message").press();
		Gateway.server().verify(deleteRequestedFor(urlEqualTo("/api/auth/me/factors/sms")));
		assertThat(this.browser.follow(removed).html().select("[role=status]").text())
			.contains("Text-message codes are turned off.");
	}

	@Test
	void anAuthenticatorAppIsSetUpFromAQrCodeThePortalDraws() {
		Gateway.meIs("[]");
		Gateway.server()
			.stubFor(post("/api/auth/me/factors/totp").willReturn(
					okJson("""
							{"secret": "%s", "otpauthUri": "otpauth://totp/CareFin:dr.ames?secret=%s&issuer=CareFin&algorithm=SHA1&digits=6&period=30"}
							"""
						.formatted(SECRET, SECRET))));
		Gateway.server().stubFor(post("/api/auth/me/factors/totp/confirm").willReturn(aResponse().withStatus(204)));
		Page profile = this.browser.get("/profile");
		Page started = this.browser.form(profile, "Set up an authenticator app").press();
		assertThat(started.location()).isEqualTo("/profile/authenticator").doesNotContain(SECRET);
		Page app = this.browser.follow(started);
		Element qr = app.html().selectFirst("svg.qr");
		assertThat(qr).isNotNull();
		assertThat(qr.attr("role")).isEqualTo("img");
		assertThat(qr.selectFirst("path").attr("d")).startsWith("M");
		assertThat(app.html().select("img, [src*=" + SECRET + "], [href*=" + SECRET + "]")).isEmpty();
		assertThat(app.html().select(".secret code").text()).isEqualTo("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
		Page confirmed = this.browser.form(app, "Confirm").fill("Code", "654321").press();
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/me/factors/totp/confirm"))
				.withRequestBody(equalToJson("{\"code\": \"654321\"}")));
		assertThat(this.browser.follow(confirmed).html().select("[role=status]").text())
			.contains("Your authenticator app is set up.");
	}

	@Test
	void aWrongCodeFromTheAppIsExplained() {
		Gateway.meIs("[]");
		Gateway.server()
			.stubFor(post("/api/auth/me/factors/totp")
				.willReturn(okJson("{\"secret\": \"%s\", \"otpauthUri\": \"otpauth://totp/CareFin:x?secret=%s\"}"
					.formatted(SECRET, SECRET))));
		Gateway.server()
			.stubFor(post("/api/auth/me/factors/totp/confirm").willReturn(Gateway.problem(422, "code-rejected",
					"That code does not match; check it or ask for a new one.", "[]")));
		Page app = this.browser
			.follow(this.browser.form(this.browser.get("/profile"), "Set up an authenticator app").press());
		Page refused = this.browser.form(app, "Confirm").fill("Code", "111111").press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().getElementById("code-error").text()).contains("That code doesn't match");
		assertThat(refused.html().select("svg.qr")).hasSize(1);
	}

	@Test
	void aPhoneNumberIsConfirmedWithTheCodeSentToIt() {
		Gateway.server().stubFor(post("/api/auth/me/factors/sms").willReturn(okJson("""
				{"status": "CONFIRMATION_REQUIRED", "challengeId": "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d",
				 "methods": ["SMS"], "destinations": {"SMS": "***-***-0123"}}
				""")));
		Gateway.server().stubFor(post("/api/auth/me/factors/sms/confirm").willReturn(aResponse().withStatus(204)));
		Page profile = this.browser.get("/profile");
		Page sent = this.browser.form(profile, "Send a code to this phone")
			.fill("New mobile phone number for text-message codes", "555-201-0123")
			.press();
		Page confirm = this.browser.follow(sent);
		assertThat(confirm.text()).contains("We sent a 6-digit code to ***-***-0123.");
		Page done = this.browser.form(confirm, "Confirm").fill("Code", "246810").press();
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/me/factors/sms/confirm")).withRequestBody(
					equalToJson("{\"challengeId\": \"0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d\", \"code\": \"246810\"}")));
		assertThat(this.browser.follow(done).text()).contains("Text-message codes to ***-***-0123 are set up.");
	}

	@Test
	void anInvalidPhoneNumberIsExplainedBesideTheField() {
		Gateway.server()
			.stubFor(post("/api/auth/me/factors/sms").willReturn(Gateway.problem(400, "invalid-request",
					"The phone number is not valid.",
					"[{\"field\": \"phone\", \"message\": \"Enter a mobile number that can receive text messages.\"}]")));
		Page refused = this.browser.form(this.browser.get("/profile"), "Send a code to this phone")
			.fill("New mobile phone number for text-message codes", "12")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().getElementById("phone-error").text())
			.contains("Enter a mobile number that can receive text messages.");
	}

	@Test
	void aChangedPasswordIsConfirmedAndARefusedOneSaysWhy() {
		Gateway.server()
			.stubFor(post("/api/auth/me/password")
				.willReturn(Gateway.problem(422, "password-rejected", "Choose another password.",
						"[\"Do not use your user ID or your practice's name as your password.\"]")));
		Page profile = this.browser.get("/profile");
		assertThat(profile.field("Current password").attr("autocomplete")).isEqualTo("current-password");
		Page refused = this.browser.form(profile, "Change password")
			.fill("Current password", "correct horse")
			.fill("New password", "dr.ames")
			.fill("Confirm new password", "dr.ames")
			.press();
		assertThat(refused.html().getElementById("newPassword-error").text())
			.contains("Do not use your user ID or your practice's name as your password.");

		Gateway.server().stubFor(post("/api/auth/me/password").willReturn(aResponse().withStatus(204)));
		Page changed = this.browser.form(refused, "Change password")
			.fill("Current password", "correct horse")
			.fill("New password", "tulip harbour violin")
			.fill("Confirm new password", "tulip harbour violin")
			.press();
		assertThat(this.browser.follow(changed).html().select("[role=status]").text())
			.contains("Your password is changed.");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/me/password")).withRequestBody(equalToJson(
					"{\"currentPassword\": \"correct horse\", \"newPassword\": \"tulip harbour violin\"}")));
	}

}
