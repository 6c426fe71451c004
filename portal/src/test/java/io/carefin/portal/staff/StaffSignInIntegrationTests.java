package io.carefin.portal.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.carefin.portal.Browser;
import io.carefin.portal.Gateway;
import io.carefin.portal.Page;
import io.carefin.portal.PortalIntegrationTest;
import io.carefin.portal.Staff;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
class StaffSignInIntegrationTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void freshBrowser() {
		Gateway.reset();
		this.browser = Browser.on(this.port);
	}

	@Test
	void aVisitorWhoIsNotSignedInIsSentFromTheConsoleToTheStaffSignIn() {
		Page page = this.browser.get("/staff/users");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/staff/sign-in");
		Page signIn = this.browser.follow(page);
		assertThat(signIn.heading()).isEqualTo("Staff sign-in");
		assertThat(signIn.link("Sign in with your staff account").attr("href"))
			.isEqualTo("/oauth2/authorization/keycloak");
		assertThat(signIn.link("Sign in with your staff account").attr("hx-boost"))
			.as("a whole-page navigation: Keycloak's page is on another origin")
			.isEqualTo("false");
	}

	@Test
	void staffSignInWithAnAuthorizationCodeAndPkceAndTheTokensNeverReachTheBrowser() throws Exception {
		Staff.SignedIn signedIn = Staff.signIn(this.browser, "support.agent", "SUPPORT");
		Map<String, String> asked = signedIn.authorizationQuery();
		assertThat(signedIn.authorization().getPath()).isEqualTo("/realms/carefin-staff/protocol/openid-connect/auth");
		assertThat(asked).containsEntry("response_type", "code")
			.containsEntry("client_id", "carefin-portal")
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce", "code_challenge");
		assertThat(asked.get("scope")).contains("openid");
		assertThat(asked.get("redirect_uri"))
			.isEqualTo("http://localhost:" + this.port + "/login/oauth2/code/keycloak");

		LoggedRequest exchange = Gateway.server().findAll(postRequestedFor(urlEqualTo(Staff.TOKEN_PATH))).getFirst();
		Map<String, String> form = Staff.query(java.net.URI.create("/?" + exchange.getBodyAsString()));
		assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-from-keycloak");
		byte[] hash = MessageDigest.getInstance("SHA-256")
			.digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII));
		assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(hash))
			.as("the verifier sent with the code matches the challenge sent to the login page")
			.isEqualTo(asked.get("code_challenge"));
		assertThat(exchange.getHeader("Authorization")).as("a confidential client").startsWith("Basic ");

		assertThat(signedIn.landed().status()).isEqualTo(302);
		assertThat(signedIn.landed().location()).endsWith("/staff");
		Page home = this.browser.follow(signedIn.landed());
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.heading()).isEqualTo("Staff console");
		assertThat(home.text()).contains("support.agent").contains("Find a practice user");
		assertThat(this.browser.cookies()).containsOnlyKeys("__Host-carefin");
		for (Page page : new Page[] { signedIn.landed(), home }) {
			assertThat(page.body()).doesNotContain(signedIn.accessToken())
				.doesNotContain(signedIn.idToken())
				.doesNotContain(Staff.KEYCLOAK_ACCESS_TOKEN_MARKER);
			assertThat(page.headers().map().toString()).doesNotContain(signedIn.accessToken());
		}
	}

	@Test
	void theConsoleCallsTheApiWithTheStaffMembersAccessToken() {
		Staff.SignedIn signedIn = Staff.signIn(this.browser, "support.agent", "SUPPORT");
		Gateway.server()
			.stubFor(get(urlPathEqualTo("/api/auth/admin/users"))
				.willReturn(okJson("{\"items\": [], \"page\": 0, \"size\": 20, \"total\": 0}")));
		Page found = this.browser.get("/staff/users?q=ames");
		assertThat(found.status()).isEqualTo(200);
		Gateway.server()
			.verify(getRequestedFor(urlPathEqualTo("/api/auth/admin/users")).withQueryParam("q", equalTo("ames"))
				.withHeader("Authorization", equalTo("Bearer " + signedIn.accessToken())));
	}

	@Test
	void signingOutEndsTheKeycloakSessionToo() {
		Staff.SignedIn signedIn = Staff.signIn(this.browser, "auditor", "AUDITOR");
		Page home = this.browser.follow(signedIn.landed());
		assertThat(home.header("Content-Security-Policy"))
			.as("the sign-out form's redirect to Keycloak is allowed, and nothing else is")
			.contains("form-action 'self' " + Gateway.uri() + ";")
			.contains("script-src 'self';");
		assertThat(this.browser.get("/help").header("Content-Security-Policy")).contains("form-action 'self';");
		Page out = this.browser.form(home, "Sign out").press();
		assertThat(out.status()).isEqualTo(302);
		java.net.URI logout = java.net.URI.create(out.location());
		assertThat(logout.getPath()).isEqualTo("/realms/carefin-staff/protocol/openid-connect/logout");
		assertThat(Staff.query(logout)).containsEntry("id_token_hint", signedIn.idToken())
			.containsEntry("post_logout_redirect_uri", "http://localhost:" + this.port + "/staff/sign-in?signed-out");
		Page after = this.browser.get("/staff");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.location()).endsWith("/staff/sign-in");
	}

	@Test
	void aStaffMemberWithoutAnyConsoleRoleIsRefused() {
		Staff.SignedIn signedIn = Staff.signIn(this.browser, "someone", "offline_access");
		assertThat(this.browser.follow(signedIn.landed()).status()).isEqualTo(403);
	}

}
