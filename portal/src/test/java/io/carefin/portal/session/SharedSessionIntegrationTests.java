package io.carefin.portal.session;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalApplication;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.testsupport.EmbeddedPostgres;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two portal replicas on one database serve one browser: the sessions are PostgreSQL
 * rows, not memory of either replica.
 */
@PortalIntegrationTest
class SharedSessionIntegrationTests {

	static ConfigurableApplicationContext secondReplica;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Browser first;

	Browser second;

	@BeforeAll
	static void startSecondReplica() {
		secondReplica = new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + EmbeddedPostgres.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--carefin.portal.gateway-uri=" + Gateway.uri());
	}

	@AfterAll
	static void stopSecondReplica() {
		secondReplica.close();
	}

	@BeforeEach
	void browsers() {
		Gateway.reset();
		this.first = Browser.on(this.port);
		this.second = Browser
			.on(Integer.parseInt(secondReplica.getEnvironment().getRequiredProperty("local.server.port")));
	}

	@Test
	void aBrowsersSessionIsARowInPostgreSql() {
		this.first.get("/");
		String sessionId = this.first.sessionId();
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
				sessionId))
			.isOne();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?",
				Integer.class, sessionId))
			.isPositive();
	}

	@Test
	void aCsrfTokenFromOneReplicaIsAcceptedByTheOther() {
		Gateway.server().stubFor(post("/api/auth/recovery/user-id").willReturn(aResponse().withStatus(202)));
		Page form = this.first.get("/forgot-user-id");
		this.second.withCookiesOf(this.first);
		Page sent = this.second.form(form, "Send my User ID").fill("E-mail address", "ames@lakeside.example").press();
		assertThat(sent.status()).isEqualTo(302);
		this.first.withCookiesOf(this.second);
		assertThat(this.first.follow(sent).text())
			.contains("If that e-mail address belongs to a CareFin user, we've sent the User ID to it.");
	}

	@Test
	void aSignedInBrowserIsSignedInOnEveryReplica() {
		Gateway.signInSucceeds(600);
		assertThat(this.first.signIn().location()).isEqualTo("/dashboard");
		this.second.withCookiesOf(this.first);
		Page dashboard = this.second.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.heading()).isEqualTo(Gateway.PRACTICE);
	}

	@Test
	void aFormPostedWithoutTheSessionItCameFromIsRefused() {
		Page form = this.first.get("/forgot-user-id");
		Page refused = this.second.form(form, "Send my User ID")
			.fill("E-mail address", "ames@lakeside.example")
			.press();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.heading()).isEqualTo("That didn't work");
	}

}
