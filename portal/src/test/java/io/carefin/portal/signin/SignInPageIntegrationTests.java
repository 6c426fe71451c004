package io.carefin.portal.signin;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@PortalIntegrationTest
class SignInPageIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
	}

	@Test
	void theSignInPageHasLabelledFieldsInTheSeedsWords() {
		Page page = this.browser.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.html().title()).isEqualTo("Sign in – CareFin");
		assertThat(page.heading()).isEqualTo("Sign in");
		Element userId = page.field("User ID");
		assertThat(userId.attr("type")).isEqualTo("text");
		assertThat(userId.attr("autocomplete")).isEqualTo("username");
		Element password = page.field("Password");
		assertThat(password.attr("type")).isEqualTo("password");
		assertThat(password.attr("autocomplete")).isEqualTo("current-password");
		assertThat(page.button("Sign in").attr("type")).isEqualTo("submit");
		assertThat(page.link("Forgot User ID?").attr("href")).isEqualTo("/forgot-user-id");
		assertThat(page.link("Forgot Password?").attr("href")).isEqualTo("/forgot-password");
		assertThat(page.link("Help").attr("href")).isEqualTo("/help");
		assertThat(page.html().select("main#main")).hasSize(1);
	}

	@Test
	void theSignInFormCarriesACsrfToken() {
		Page page = this.browser.get("/");
		assertThat(page.button("Sign in").closest("form").select("input[type=hidden][name=_csrf]").val()).isNotBlank();
	}

	@Test
	void anEmptyFormSaysWhatIsMissingAndLinksEachSentenceToItsField() {
		Page page = this.browser.get("/");
		Page refused = this.browser.form(page, "Sign in").press();
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().select(".error-summary a")).extracting(Element::text, (link) -> link.attr("href"))
			.containsExactly(tuple("Enter your User ID.", "#userId"), tuple("Enter your Password.", "#password"));
		assertThat(refused.field("User ID").attr("aria-describedby")).isEqualTo("userId-error");
		assertThat(refused.html().getElementById("userId-error").text()).contains("Enter your User ID.");
		assertThat(refused.field("User ID").attr("aria-invalid")).isEqualTo("true");
	}

	@Test
	void theMaintenanceNoticeShowsOnTheSignInPageAsAStatusBanner() {
		Page page = this.browser.get("/");
		assertThat(page.html().select("[role=status]").text())
			.contains("CareFin is unavailable Sunday from 2 a.m. to 4 a.m. Eastern.");
	}

}
