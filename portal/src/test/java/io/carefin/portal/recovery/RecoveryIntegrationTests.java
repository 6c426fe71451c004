package io.carefin.portal.recovery;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class RecoveryIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
	}

	@Test
	void aPracticeUserAsksForTheirForgottenUserIdByEmail() {
		Gateway.server().stubFor(post("/api/auth/recovery/user-id").willReturn(aResponse().withStatus(202)));
		Page signIn = this.browser.get("/");
		Page form = this.browser.get(signIn.link("Forgot User ID?").attr("href"));
		assertThat(form.field("E-mail address").attr("autocomplete")).isEqualTo("email");
		Page sent = this.browser.form(form, "Send my User ID")
			.fill("E-mail address", " ames@lakeside.example ")
			.press();
		assertThat(this.browser.follow(sent).text())
			.contains("If that e-mail address belongs to a CareFin user, we've sent the User ID to it.");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/recovery/user-id"))
				.withRequestBody(equalToJson("{\"email\": \"ames@lakeside.example\"}")));
	}

	@Test
	void anAddressTheApiRefusesGetsTheSameAnswer() {
		Gateway.server()
			.stubFor(post("/api/auth/recovery/user-id")
				.willReturn(Gateway.problem(400, "invalid-request", "Invalid request content.", "[]")));
		Page form = this.browser.get("/forgot-user-id");
		Page sent = this.browser.form(form, "Send my User ID").fill("E-mail address", "nobody@example.com").press();
		assertThat(this.browser.follow(sent).text())
			.contains("If that e-mail address belongs to a CareFin user, we've sent the User ID to it.");
	}

	@Test
	void aPracticeUserAsksForAPasswordResetLink() {
		Gateway.server().stubFor(post("/api/auth/recovery/password").willReturn(aResponse().withStatus(202)));
		Page form = this.browser.get("/forgot-password");
		Page sent = this.browser.form(form, "Send the reset link")
			.fill("User ID", "dr.ames")
			.fill("E-mail address", "ames@lakeside.example")
			.press();
		assertThat(this.browser.follow(sent).text()).contains(
				"If the User ID and e-mail address belong to a CareFin user, we've sent a link to reset the password to that address.");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/recovery/password"))
				.withRequestBody(equalToJson("{\"userId\": \"dr.ames\", \"email\": \"ames@lakeside.example\"}")));
	}

	@Test
	void theResetLinksTokenLeavesTheAddressBarAtOnce() {
		Page link = this.browser.get("/reset-password?token=secret-reset-token");
		assertThat(link.status()).isEqualTo(302);
		assertThat(link.location()).isEqualTo("/reset-password");
		Page form = this.browser.follow(link);
		assertThat(form.heading()).isEqualTo("Choose a new password");
		assertThat(form.field("New password").attr("autocomplete")).isEqualTo("new-password");
		assertThat(form.field("Confirm new password").attr("autocomplete")).isEqualTo("new-password");
		assertThat(form.body()).doesNotContain("secret-reset-token");
	}

	@Test
	void aNewPasswordFromTheResetLinkLeadsToSignIn() {
		Gateway.server().stubFor(post("/api/auth/recovery/password/reset").willReturn(aResponse().withStatus(204)));
		Page form = this.browser.follow(this.browser.get("/reset-password?token=secret-reset-token"));
		Page changed = this.browser.form(form, "Change password")
			.fill("New password", "tulip harbour violin")
			.fill("Confirm new password", "tulip harbour violin")
			.press();
		Page done = this.browser.follow(changed);
		assertThat(done.heading()).isEqualTo("Your password is changed");
		assertThat(done.link("Sign in").attr("href")).isEqualTo("/");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/recovery/password/reset")).withRequestBody(
					equalToJson("{\"token\": \"secret-reset-token\", \"newPassword\": \"tulip harbour violin\"}")));
		assertThat(this.browser.get("/reset-password").heading()).isEqualTo("This link no longer works");
	}

	@Test
	void thePasswordPolicysReasonsAreShownBesideTheNewPassword() {
		Gateway.server()
			.stubFor(post("/api/auth/recovery/password/reset").willReturn(Gateway.problem(422, "password-rejected",
					"Choose another password.",
					"[\"Use at least 12 characters.\", \"This password is too common; choose one that others are unlikely to use.\"]")));
		Page form = this.browser.follow(this.browser.get("/reset-password?token=secret-reset-token"));
		Page refused = this.browser.form(form, "Change password")
			.fill("New password", "password")
			.fill("Confirm new password", "password")
			.press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().getElementById("newPassword-error").text()).contains("Use at least 12 characters.")
			.contains("This password is too common; choose one that others are unlikely to use.");
		assertThat(refused.field("New password").attr("aria-describedby")).contains("newPassword-error");
		assertThat(refused.html().select(".error-summary a").eachAttr("href")).containsOnly("#newPassword");
	}

	@Test
	void passwordsThatDoNotMatchAreCaughtBeforeTheApi() {
		Page form = this.browser.follow(this.browser.get("/reset-password?token=secret-reset-token"));
		Page refused = this.browser.form(form, "Change password")
			.fill("New password", "tulip harbour violin")
			.fill("Confirm new password", "tulip harbor violin")
			.press();
		assertThat(refused.html().getElementById("confirmPassword-error").text())
			.contains("The two passwords don't match.");
		Gateway.server().verify(0, postRequestedFor(urlEqualTo("/api/auth/recovery/password/reset")));
	}

	@Test
	void aUsedOrExpiredLinkSaysSoAndOffersANewOne() {
		Gateway.server()
			.stubFor(post("/api/auth/recovery/password/reset").willReturn(
					Gateway.problem(400, "link-invalid", "This link is no longer valid; ask for a new one.", "[]")));
		Page form = this.browser.follow(this.browser.get("/reset-password?token=used-token"));
		Page invalid = this.browser.form(form, "Change password")
			.fill("New password", "tulip harbour violin")
			.fill("Confirm new password", "tulip harbour violin")
			.press();
		assertThat(invalid.heading()).isEqualTo("This link no longer works");
		assertThat(invalid.link("Get a new link").attr("href")).isEqualTo("/forgot-password");
	}

	@Test
	void anInvitedUserChoosesTheirPasswordAndThenSignsIn() {
		Gateway.server().stubFor(post("/api/auth/users/activate").willReturn(aResponse().withStatus(204)));
		Page link = this.browser.get("/activate?token=invitation-token");
		assertThat(link.location()).isEqualTo("/activate");
		Page form = this.browser.follow(link);
		assertThat(form.text()).contains("we'll e-mail you a 6-digit code each time you sign in");
		Page ready = this.browser.form(form, "Set up my account")
			.fill("New password", "tulip harbour violin")
			.fill("Confirm new password", "tulip harbour violin")
			.press();
		assertThat(ready.location()).isEqualTo("/?activated");
		assertThat(this.browser.follow(ready).text())
			.contains("Your account is ready. Sign in with your User ID and new password.");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/users/activate")).withRequestBody(
					equalToJson("{\"token\": \"invitation-token\", \"password\": \"tulip harbour violin\"}")));
	}

}
