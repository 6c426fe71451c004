package io.carefin.portal.session;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import io.carefin.portal.Browser;
import io.carefin.portal.Page;
import io.carefin.portal.PortalApplication;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.testsupport.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class SessionCookieIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theSessionCookieIsAHostOnlySecureHttpOnlyLaxCookie() {
		Page page = Browser.on(this.port).get("/");
		List<String> cookies = page.headers().allValues("Set-Cookie");
		assertThat(cookies).singleElement().satisfies((cookie) -> {
			assertThat(cookie).startsWith("__Host-carefin=");
			assertThat(cookie).contains("; Path=/")
				.contains("; Secure")
				.contains("; HttpOnly")
				.contains("; SameSite=Lax");
			assertThat(cookie).doesNotContainIgnoringCase("Domain=");
		});
	}

	@Test
	void theCookiesNameAndSecureFlagFollowTheStandardServerProperties() {
		try (ConfigurableApplicationContext local = new SpringApplicationBuilder(PortalApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + EmbeddedPostgres.jdbcUrl(),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--server.servlet.session.cookie.name=carefin-session",
				"--server.servlet.session.cookie.secure=false")) {
			int port = Integer.parseInt(local.getEnvironment().getRequiredProperty("local.server.port"));
			String cookie = Browser.on(port).get("/").header("Set-Cookie");
			assertThat(cookie).startsWith("carefin-session=")
				.doesNotContain("Secure")
				.contains("HttpOnly")
				.contains("SameSite=Lax");
		}
	}

}
