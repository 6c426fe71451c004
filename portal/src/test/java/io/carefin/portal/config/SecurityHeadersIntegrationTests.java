package io.carefin.portal.config;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class SecurityHeadersIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/help", "/forgot-user-id", "/forgot-password", "/no-such-page" })
	void everyPageForbidsInlineScriptFramingReferrersAndCaching(String path) {
		Page page = this.browser.get(path);
		assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self'; "
				+ "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
				+ "frame-ancestors 'none'");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/help", "/forgot-user-id", "/forgot-password", "/reset-password" })
	void noPageHasInlineScriptOrStyle(String path) {
		Document html = this.browser.get(path).html();
		assertThat(html.select("script")).isNotEmpty().allSatisfy((script) -> {
			assertThat(script.attr("src")).isNotBlank();
			assertThat(script.data()).isBlank();
		});
		assertThat(html.select("style")).isEmpty();
		assertThat(html.select("[style]")).isEmpty();
		assertThat(html.select("[onclick], [onload], [onsubmit]")).isEmpty();
		assertThat(html.select("meta[name=htmx-config]").attr("content")).contains("\"includeIndicatorStyles\":false");
	}

	@Test
	void aPostWithoutTheFormsCsrfTokenIsRefused() {
		Page page = this.browser.get("/forgot-user-id");
		Page refused = this.browser.form(page, "Send my User ID")
			.fill("E-mail address", "ames@lakeside.example")
			.withoutCsrfToken()
			.press();
		assertThat(refused.status()).isEqualTo(403);
		Gateway.server().verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aPostWithTheFormsCsrfTokenIsAccepted() {
		Gateway.server().stubFor(post("/api/auth/recovery/user-id").willReturn(aResponse().withStatus(202)));
		Page page = this.browser.get("/forgot-user-id");
		Page accepted = this.browser.form(page, "Send my User ID")
			.fill("E-mail address", "ames@lakeside.example")
			.press();
		assertThat(accepted.status()).isEqualTo(302);
	}

	@Test
	void stylesheetsAndScriptsAreFingerprintedAndCachedForAYear() {
		Document html = this.browser.get("/").html();
		String stylesheet = html.select("link[rel=stylesheet]").attr("href");
		String htmx = html.select("script[src*=htmx]").attr("src");
		assertThat(stylesheet).matches("/css/portal-[0-9a-f]{32}\\.css");
		Page css = this.browser.get(stylesheet);
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.header("Content-Type")).startsWith("text/css");
		assertThat(css.header("Cache-Control")).contains("max-age=31536000");
		Page script = this.browser.get(htmx);
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body()).contains("htmx");
	}

	/**
	 * The browser asks for the icon beside every page; an answer that sent it to sign in
	 * would start a session of its own, whose cookie could replace the one a sign-in in
	 * flight keeps its state in (a staff sign-in then came back to an unknown request).
	 */
	@Test
	void theFingerprintedIconIsServedToAnyoneWithoutStartingASession() {
		String icon = this.browser.get("/").html().select("link[rel=icon]").attr("href");
		assertThat(icon).matches("/favicon-[0-9a-f]{32}\\.svg");
		Page answer = Browser.on(this.port).get(icon);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(answer.header("Set-Cookie")).isEmpty();
	}

}
