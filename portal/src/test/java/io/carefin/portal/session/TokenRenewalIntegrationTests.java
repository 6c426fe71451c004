package io.carefin.portal.session;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal renews the API tokens itself, before the access token expires; a refused
 * renewal ends the portal session too.
 */
@PortalIntegrationTest
class TokenRenewalIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
	}

	@Test
	void anAccessTokenAboutToExpireIsRenewedBeforeTheNextApiCall() {
		Gateway.signInSucceeds(30);
		Gateway.server()
			.stubFor(post("/api/auth/token/refresh")
				.willReturn(okJson(Gateway.tokens("access-token-2", "refresh-token-2", 600))));
		this.browser.signIn();
		Page profile = this.browser.get("/profile");
		assertThat(profile.status()).isEqualTo(200);
		Gateway.server()
			.verify(1,
					postRequestedFor(urlEqualTo("/api/auth/token/refresh"))
						.withRequestBody(equalToJson("{\"refreshToken\": \"" + Gateway.REFRESH_TOKEN + "\"}"))
						.withoutHeader("Authorization"));
		Gateway.server()
			.verify(getRequestedFor(urlEqualTo("/api/auth/me")).withHeader("Authorization",
					equalTo("Bearer access-token-2")));
		assertThat(profile.body()).doesNotContain("access-token-2").doesNotContain("refresh-token-2");
	}

	@Test
	void aFreshAccessTokenIsNotRenewed() {
		Gateway.signInSucceeds(600);
		this.browser.signIn();
		assertThat(this.browser.get("/profile").status()).isEqualTo(200);
		Gateway.server().verify(0, postRequestedFor(urlEqualTo("/api/auth/token/refresh")));
	}

	@Test
	void aRefusedRenewalEndsThePortalSessionAndAsksForSignIn() {
		Gateway.signInSucceeds(30);
		Gateway.server()
			.stubFor(post("/api/auth/token/refresh").inScenario("renewals")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(okJson(Gateway.tokens("access-token-2", "refresh-token-2", 30)))
				.willSetStateTo("signed out elsewhere"));
		Gateway.server()
			.stubFor(post("/api/auth/token/refresh").inScenario("renewals")
				.whenScenarioStateIs("signed out elsewhere")
				.willReturn(Gateway.problem(401, "session-ended", "Your session has ended.", "[]")));
		assertThat(this.browser.signIn().location()).isEqualTo("/dashboard");
		Page ended = this.browser.get("/dashboard");
		assertThat(ended.location()).isEqualTo("/?expired");
		assertThat(this.browser.follow(ended).text()).contains("Your session has ended. Please sign in again.");
		assertThat(this.browser.get("/dashboard").location()).isEqualTo("/");
	}

	@Test
	void aSessionEndedElsewhereEndsOnTheNextPage() {
		Gateway.signInSucceeds(600);
		this.browser.signIn();
		Gateway.server()
			.stubFor(get("/api/auth/me")
				.willReturn(Gateway.problem(401, "session-ended", "Your session has ended.", "[]")));
		Page ended = this.browser.get("/dashboard");
		assertThat(ended.location()).isEqualTo("/?expired");
		assertThat(ended.body()).doesNotContain(Gateway.PRACTICE);
		assertThat(this.browser.get("/dashboard").location()).isEqualTo("/");
	}

	@Test
	void whoTheUserIsComesFromTheApiOnEveryPage() {
		Gateway.signInSucceeds(600);
		this.browser.signIn();
		Gateway.server().stubFor(get("/api/auth/me").willReturn(okJson("""
				{"userId": "dr.ames", "email": "ames@lakeside.example",
				 "practice": {"id": "5b1f7c7e-3f0a-4d2b-9a51-3c0c8d1e2f40", "name": "Lakeside Dental Group"},
				 "roles": ["PRACTICE_USER"], "permissions": [], "factors": [], "secondFactorRequired": true}
				""")));
		assertThat(this.browser.get("/dashboard").heading()).isEqualTo("Lakeside Dental Group");
		assertThat(this.browser.get("/profile").text()).contains("Practice user")
			.contains("Your practice requires a second step, so we e-mail you a code when you sign in.");
	}

}
