package io.carefin.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.carefin.testsupport.TestIssuer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak's realm {@code carefin-staff}, stood in by the WireMock {@link Gateway} (its
 * login redirect, token and key endpoints) with tokens signed by the test-support staff
 * issuer; a staff member signs a {@link Browser} in through the portal's real OAuth2
 * client, as a browser coming back from Keycloak's login page does.
 */
public final class Staff {

	public static final String REALM_PATH = "/realms/carefin-staff";

	public static final String TOKEN_PATH = REALM_PATH + "/protocol/openid-connect/token";

	public static final String KEYCLOAK_ACCESS_TOKEN_MARKER = "staff-refresh-token-1";

	private Staff() {
	}

	/**
	 * Signs the browser in as a staff member with the given Keycloak username and realm
	 * roles; answers the page the portal lands on after the sign-in.
	 */
	public static SignedIn signIn(Browser browser, String username, String... roles) {
		serveKeys();
		Page start = browser.get("/oauth2/authorization/keycloak");
		assertThat(start.status()).isEqualTo(302);
		URI authorization = URI.create(start.location());
		Map<String, String> query = query(authorization);
		String subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
		String idToken = TestIssuer.STAFF.token(subject)
			.claim("aud", "carefin-portal")
			.claim("azp", "carefin-portal")
			.claim("nonce", query.get("nonce"))
			.claim("preferred_username", username)
			.claim("name", "Staff " + username)
			.sign();
		String accessToken = TestIssuer.STAFF.token(subject)
			.claim("azp", "carefin-portal")
			.claim("preferred_username", username)
			.claim("realm_access", Map.of("roles", List.of(roles)))
			.sign();
		Gateway.server().stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("""
				{"access_token": "%s", "token_type": "Bearer", "expires_in": 300, "refresh_token": "%s",
				 "id_token": "%s", "scope": "openid profile"}
				""".formatted(accessToken, KEYCLOAK_ACCESS_TOKEN_MARKER, idToken))));
		Page landed = browser.get("/login/oauth2/code/keycloak?code=code-from-keycloak&state="
				+ java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
		return new SignedIn(authorization, query, accessToken, idToken, landed);
	}

	/**
	 * The realm's public keys, at the address the portal reads them from.
	 */
	public static void serveKeys() {
		Gateway.server()
			.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs")).willReturn(okJson(staffKeys())));
	}

	public static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return query;
	}

	private static String staffKeys() {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(TestIssuer.STAFF.jwkSetUri())).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A completed staff sign-in.
	 *
	 * @param authorization where the portal sent the browser to sign in
	 * @param authorizationQuery that address's parameters
	 * @param accessToken the access token Keycloak handed the portal
	 * @param idToken the ID token Keycloak handed the portal
	 * @param landed the portal's answer to Keycloak's redirect back
	 */
	public record SignedIn(URI authorization, Map<String, String> authorizationQuery, String accessToken,
			String idToken, Page landed) {

	}

}
