package io.carefin.portal.session;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions end after 15 minutes without a request and 12 hours after sign-in; the tests
 * age a session by moving its times back in the store rather than waiting.
 */
@PortalIntegrationTest
class SessionTimeoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeEach
	void signedIn() {
		Gateway.reset();
		Gateway.signInSucceeds(600);
		Gateway.server().stubFor(post("/api/auth/logout").willReturn(aResponse().withStatus(204)));
		this.browser = Browser.on(this.port);
		assertThat(this.browser.signIn().location()).isEqualTo("/dashboard");
	}

	@Test
	void aSessionTwelveHoursAfterSignInEndsHoweverActiveItIs() {
		String sessionId = sessionId();
		age(Duration.ofHours(12).plusSeconds(1));
		Page ended = this.browser.get("/dashboard");
		assertThat(ended.status()).isEqualTo(302);
		assertThat(ended.location()).isEqualTo("/?ended");
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
				sessionId))
			.isZero();
		Gateway.server()
			.verify(postRequestedFor(urlEqualTo("/api/auth/logout")).withHeader("Authorization",
					equalTo("Bearer " + Gateway.ACCESS_TOKEN)));
		assertThat(this.browser.follow(ended).text())
			.contains("For your security, sessions end 12 hours after signing in. Please sign in again.");
	}

	@Test
	void aSessionYoungerThanTwelveHoursGoesOn() {
		age(Duration.ofHours(11).plusMinutes(59));
		assertThat(this.browser.get("/dashboard").status()).isEqualTo(200);
	}

	@Test
	void aSessionIdleForFifteenMinutesSendsTheBrowserToSignInSayingWhy() {
		this.jdbc.update(
				"update spring_session set last_access_time = last_access_time - ?, expiry_time = ? where session_id = ?",
				Duration.ofMinutes(15).toMillis(), System.currentTimeMillis() - 1, sessionId());
		Page timedOut = this.browser.get("/dashboard");
		assertThat(timedOut.location()).isEqualTo("/?timed-out");
		assertThat(this.browser.follow(timedOut).text())
			.contains("Your session ended after 15 minutes without activity. Please sign in again.");
	}

	@Test
	void signedInPagesCarryTheIdleTimeoutForTheWarning() {
		Page dashboard = this.browser.get("/dashboard");
		assertThat(dashboard.html().body().attr("data-idle-seconds")).isEqualTo("900");
		assertThat(dashboard.html().body().attr("data-timed-out-url")).isEqualTo("/?timed-out");
		assertThat(dashboard.html().select("meta[name=_csrf]").attr("content")).isNotBlank();
		assertThat(dashboard.html().select("dialog#session-warning h2").text())
			.isEqualTo("Your session ends in 1 minute");
		assertThat(dashboard.button("Stay signed in").closest("form").attr("action")).isEqualTo("/session/keep-alive");
		assertThat(dashboard.html().select("script[src^=/js/portal]")).hasSize(1);
	}

	@Test
	void stayingSignedInAnswersWithoutAPage() {
		Page dashboard = this.browser.get("/dashboard");
		Page kept = this.browser.form(dashboard, "Stay signed in").press();
		assertThat(kept.status()).isEqualTo(204);
	}

	@Test
	void theSessionsIdleTimeoutIsFifteenMinutesInTheStore() {
		assertThat(this.jdbc.queryForObject("select max_inactive_interval from spring_session where session_id = ?",
				Integer.class, sessionId()))
			.isEqualTo(900);
	}

	private void age(Duration age) {
		assertThat(this.jdbc.update("update spring_session set creation_time = creation_time - ? where session_id = ?",
				age.toMillis(), sessionId()))
			.isOne();
	}

	private String sessionId() {
		return this.browser.sessionId();
	}

}
