package io.carefin.portal.promotion;

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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class PromotionsIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.server().stubFor(get(urlEqualTo("/api/auth/me")).willReturn(okJson("""
				{"userId": "dr.ames", "email": "ames@lakeside.example",
				 "practice": {"id": "%s", "name": "%s"}, "roles": ["PRACTICE_ADMIN"],
				 "permissions": ["MANAGE_PROMOTIONS"], "factors": []}
				""".formatted(Gateway.PRACTICE_ID, Gateway.PRACTICE))));
		Gateway.server().stubFor(get(urlEqualTo("/api/transactions/promotions/catalogue")).willReturn(okJson("""
				[{"code": "DEFERRED_12", "version": 1, "name": "No interest if paid in full in 12 months",
				  "kind": "DEFERRED_INTEREST", "months": 12, "apr": 0.00, "standardApr": 26.99,
				  "minimumAmount": 200.00, "merchantFeeRate": 0.0600, "effectiveFrom": "2026-01-01", "enabled": true},
				 {"code": "FIXED_60", "version": 1, "name": "17.90 % APR, 60 fixed monthly payments",
				  "kind": "REDUCED_APR", "months": 60, "apr": 17.90, "standardApr": 26.99,
				  "minimumAmount": 2500.00, "merchantFeeRate": 0.0350, "effectiveFrom": "2026-01-01", "enabled": false}]
				""")));
		this.browser = Browser.on(this.port);
		this.browser.signIn();
	}

	@Test
	void thePlansShowTheirFeesAndAreOfferedOrWithdrawnByTheAdministrator() {
		Gateway.server().stubFor(put(urlEqualTo("/api/transactions/promotions/FIXED_60")).willReturn(okJson("{}")));
		Gateway.server()
			.stubFor(delete(urlEqualTo("/api/transactions/promotions/DEFERRED_12"))
				.willReturn(aResponse().withStatus(204)));
		Page promotions = this.browser.get("/promotions");
		assertThat(promotions.html().select("#plans tbody tr").eachText()).containsExactly(
				"No interest if paid in full in 12 months 12 0.00% $200.00 6.0% Yes Stop offering No interest if paid in full in 12 months",
				"17.90 % APR, 60 fixed monthly payments 60 17.90% $2,500.00 3.5% No Offer 17.90 % APR, 60 fixed monthly payments");
		Page offered = this.browser.form(promotions, "Offer 17.90 % APR, 60 fixed monthly payments").press();
		Gateway.server().verify(putRequestedFor(urlEqualTo("/api/transactions/promotions/FIXED_60")));
		assertThat(this.browser.follow(offered).text()).contains("Your practice now offers FIXED_60.");
		this.browser.form(promotions, "Stop offering No interest if paid in full in 12 months").press();
		Gateway.server().verify(deleteRequestedFor(urlEqualTo("/api/transactions/promotions/DEFERRED_12")));
	}

	@Test
	void aUserWhoMayNotManagePromotionsGetsThe403Page() {
		Gateway.mePermitted("PROCESS_PURCHASES");
		Page promotions = this.browser.get("/promotions");
		assertThat(promotions.status()).isEqualTo(403);
		assertThat(promotions.text()).contains("“Manage the practice's promotions”");
	}

}
