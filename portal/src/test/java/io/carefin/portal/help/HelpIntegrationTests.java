package io.carefin.portal.help;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class HelpIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
	}

	@Test
	void helpAnswersAPracticesSignInQuestionsWithoutSigningIn() {
		Page help = this.browser.get("/help");
		assertThat(help.status()).isEqualTo(200);
		assertThat(help.heading()).isEqualTo("Help with the provider portal");
		assertThat(help.html().select("h2").eachText()).contains("Forgotten User ID or password", "Locked account",
				"Suspended account", "Browsers and cookies", "Scheduled maintenance", "Contact provider support");
		assertThat(help.text()).contains("After 5 failed sign-in attempts, CareFin locks the account for 30 minutes")
			.contains("The third lock within a day stays until provider support unlocks the account.")
			.contains("hasn't signed in for 90 days is suspended")
			.contains("Google Chrome, Microsoft Edge, Mozilla Firefox or Apple Safari")
			.contains("needs cookies");
		assertThat(help.link("we can e-mail it to you").attr("href")).isEqualTo("/forgot-user-id");
		assertThat(help.link("ask for a reset link").attr("href")).isEqualTo("/forgot-password");
	}

	@Test
	void helpGivesSupportsContactsFromConfiguration() {
		Page help = this.browser.get("/help");
		assertThat(help.html().select("#contact a[href^=tel:]").attr("href")).isEqualTo("tel:1-800-555-0199");
		assertThat(help.html().select("#contact a[href^=mailto:]").text()).isEqualTo("providers@carefin.example");
		assertThat(help.html().select("#contact").text()).contains("Monday to Friday, 8 a.m. to 8 p.m. Eastern");
		assertThat(help.html().select("#maintenance").text())
			.contains("CareFin is unavailable Sunday from 2 a.m. to 4 a.m. Eastern.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/help", "/forgot-user-id", "/forgot-password" })
	void everyPageLinksToHelpAndShowsTheMaintenanceBanner(String path) {
		Page page = this.browser.get(path);
		assertThat(page.html().select("footer a[href=/help]")).hasSize(1);
		assertThat(page.html().select("div.maintenance[role=status]").text())
			.contains("CareFin is unavailable Sunday from 2 a.m. to 4 a.m. Eastern.");
	}

	@Test
	void signedInPagesLinkToHelpFromTheNavigation() {
		Gateway.signInSucceeds(600);
		this.browser.signIn();
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.html().select("nav[aria-label=Main] a").eachAttr("href")).contains("/dashboard",
				"/profile", "/help");
		assertThat(dashboard.html().select("header").text()).contains(Gateway.PRACTICE).contains(Gateway.USER_ID);
	}

	@Test
	void aMissingPageOfASignedInUserIsAPoliteNotFound() {
		Gateway.signInSucceeds(600);
		this.browser.signIn();
		Page missing = this.browser.get("/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.heading()).isEqualTo("Page not found");
		assertThat(missing.html().select("header").text()).contains(Gateway.PRACTICE);
	}

}
