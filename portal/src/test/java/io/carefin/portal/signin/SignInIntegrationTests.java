package io.carefin.portal.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class SignInIntegrationTests {

	static final String REFUSAL = "The User ID or Password is incorrect, or the account can't be used right now.";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
	}

	@Test
	void aPracticeUserSignsInAndLandsOnTheirPracticesDashboard() {
		Gateway.signInSucceeds(600);
		Page signedIn = this.browser.signIn();
		assertThat(signedIn.location()).isEqualTo("/dashboard");
		Page dashboard = this.browser.follow(signedIn);
		assertThat(dashboard.heading()).isEqualTo(Gateway.PRACTICE);
		assertThat(dashboard.text()).contains("Signed in as " + Gateway.USER_ID);
		assertThat(dashboard.button("Sign out").closest("form").attr("action")).isEqualTo("/sign-out");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/login"))
				.withRequestBody(equalToJson("{\"userId\": \"dr.ames\", \"password\": \"correct horse\"}")));
		Gateway.server()
			.verify(getRequestedFor(urlEqualTo("/api/auth/me")).withHeader("Authorization",
					equalTo("Bearer " + Gateway.ACCESS_TOKEN)));
	}

	@Test
	void theTokensNeverReachTheBrowser() {
		Gateway.signInSucceeds(600);
		Page signedIn = this.browser.signIn();
		Page dashboard = this.browser.follow(signedIn);
		for (Page page : new Page[] { signedIn, dashboard }) {
			assertThat(page.body()).doesNotContain(Gateway.ACCESS_TOKEN).doesNotContain(Gateway.REFRESH_TOKEN);
			assertThat(page.headers().map().toString()).doesNotContain(Gateway.ACCESS_TOKEN)
				.doesNotContain(Gateway.REFRESH_TOKEN);
		}
		assertThat(this.browser.cookies()).containsOnlyKeys("__Host-carefin");
	}

	@Test
	void signingInGivesTheBrowserANewSessionId() {
		Gateway.signInSucceeds(600);
		this.browser.get("/");
		String anonymous = this.browser.sessionId();
		this.browser.signIn();
		assertThat(this.browser.sessionId()).isNotEqualTo(anonymous);
		Browser attacker = Browser.on(this.port);
		attacker.cookies()
			.put("__Host-carefin", Base64.getEncoder().encodeToString(anonymous.getBytes(StandardCharsets.UTF_8)));
		assertThat(attacker.get("/dashboard").status()).isEqualTo(302);
	}

	@Test
	void aSignedInBrowserGoesStraightToTheDashboard() {
		Gateway.signInSucceeds(600);
		this.browser.signIn();
		assertThat(this.browser.get("/").location()).isEqualTo("/dashboard");
	}

	@Test
	void signingInAgainEndsTheEarlierApiSession() {
		Gateway.signInSucceeds(600);
		Gateway.server().stubFor(post("/api/auth/logout").willReturn(aResponse().withStatus(204)));
		this.browser.signIn();
		Gateway.server().verify(0, postRequestedFor(urlEqualTo("/api/auth/logout")));
		Page form = this.browser.get("/");
		assertThat(form.location()).isEqualTo("/dashboard");
		this.browser.post("/sign-in", Map.of("userId", Gateway.USER_ID, "password", "correct horse", "_csrf",
				this.browser.get("/dashboard").html().select("meta[name=_csrf]").attr("content")));
		Gateway.server()
			.verify(1, postRequestedFor(urlEqualTo("/api/auth/logout")).withHeader("Authorization",
					equalTo("Bearer " + Gateway.ACCESS_TOKEN)));
	}

	@Test
	void signedInPagesSendAnonymousBrowsersToSignIn() {
		for (String path : new String[] { "/dashboard", "/profile", "/session/keep-alive" }) {
			Page page = this.browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).isEqualTo("/");
		}
	}

	@Test
	void everyRefusedSignInReadsTheSameAndOffersHelp() {
		Gateway.server()
			.stubFor(post("/api/auth/login").willReturn(Gateway.problem(401, "sign-in-failed",
					"The user ID or password is incorrect, or this account cannot sign in right now.", "[]")));
		Page refused = this.browser.signIn();
		assertThat(refused.location()).isEqualTo("/");
		Page again = this.browser.follow(refused);
		assertThat(again.html().select("[role=alert]").text()).contains(REFUSAL);
		assertThat(again.html().select("[role=alert] a").attr("href")).isEqualTo("/help");
		assertThat(again.field("User ID").val()).isEqualTo(Gateway.USER_ID);
		assertThat(again.field("Password").val()).isEmpty();
		assertThat(again.field("Password").attr("aria-describedby")).isEqualTo("sign-in-failed");
		assertThat(this.browser.get("/").text()).doesNotContain(REFUSAL);
	}

	@Test
	void tooManyAttemptsFromThisBrowserBecomeAPoliteWait() {
		Gateway.server()
			.stubFor(post("/api/auth/login").willReturn(
					Gateway.problem(429, "too-many-requests", "Slow down.", "[]").withHeader("Retry-After", "42")));
		Page wait = this.browser.signIn();
		assertThat(wait.status()).isEqualTo(429);
		assertThat(wait.header("Retry-After")).isEqualTo("42");
		assertThat(wait.text()).contains("Too many attempts from this browser. Please wait 42 seconds and try again.");
	}

	@Test
	void theGatewayLearnsTheBrowsersAddressAndTheRequestsId() {
		Gateway.server()
			.stubFor(post("/api/auth/login").willReturn(Gateway.problem(401, "sign-in-failed", "No.", "[]")));
		this.browser.withHeader("X-Client-Address", "203.0.113.7").withHeader("X-Request-Id", "req-0123456789");
		this.browser.signIn();
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/login"))
				.withHeader("X-Forwarded-For", equalTo("203.0.113.7"))
				.withHeader("X-Request-Id", equalTo("req-0123456789"))
				.withoutHeader("Authorization"));
	}

	@Test
	void withoutTheGatewaysHeaderTheBrowsersAddressIsThePeers() {
		Gateway.server()
			.stubFor(post("/api/auth/login").willReturn(Gateway.problem(401, "sign-in-failed", "No.", "[]")));
		this.browser.signIn();
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/login")).withHeader("X-Forwarded-For",
					equalTo("127.0.0.1")));
	}

	@Test
	void signingOutEndsTheApiSessionAndLeavesNothingPrivateBehind() {
		Gateway.signInSucceeds(600);
		Gateway.server().stubFor(post("/api/auth/logout").willReturn(aResponse().withStatus(204)));
		Page dashboard = this.browser.follow(this.browser.signIn());
		String signedInCookie = this.browser.cookies().get("__Host-carefin");
		Page signedOut = this.browser.form(dashboard, "Sign out").press();
		assertThat(signedOut.location()).isEqualTo("/?signed-out");
		assertThat(signedOut.header("Set-Cookie")).startsWith("__Host-carefin=;").contains("Max-Age=0");
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/logout")).withHeader("Authorization",
					equalTo("Bearer " + Gateway.ACCESS_TOKEN)));
		assertThat(this.browser.follow(signedOut).text()).contains("You have signed out.");
		Browser back = Browser.on(this.port);
		back.cookies().put("__Host-carefin", signedInCookie);
		Page again = back.get("/dashboard");
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.body()).doesNotContain(Gateway.PRACTICE);
	}

	@Test
	void signingOutWorksEvenWhenTheApiCannotBeReached() {
		Gateway.signInSucceeds(600);
		Gateway.server().stubFor(post("/api/auth/logout").willReturn(aResponse().withStatus(503)));
		Page dashboard = this.browser.follow(this.browser.signIn());
		Page signedOut = this.browser.form(dashboard, "Sign out").press();
		assertThat(signedOut.location()).isEqualTo("/?signed-out");
		assertThat(this.browser.get("/dashboard").location()).isEqualTo("/");
	}

	@Test
	void anUnavailableApiIsAnApologyNotAStackTrace() {
		Gateway.server().stubFor(post("/api/auth/login").willReturn(aResponse().withStatus(503)));
		Page sorry = this.browser.signIn();
		assertThat(sorry.status()).isEqualTo(503);
		assertThat(sorry.heading()).isEqualTo("CareFin can't be reached right now");
	}

}
