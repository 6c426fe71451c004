package io.carefin.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The gateway, stood in by one WireMock server for the whole test run; tests stub the API
 * answers they need and verify what the portal sent.
 */
public final class Gateway {

	/**
	 * The practice user the fixtures sign in.
	 */
	public static final String USER_ID = "dr.ames";

	public static final String PRACTICE = "Lakeside Family Dental";

	public static final String PRACTICE_ID = "5b1f7c7e-3f0a-4d2b-9a51-3c0c8d1e2f40";

	public static final String ACCESS_TOKEN = "access-token-1";

	public static final String REFRESH_TOKEN = "refresh-token-1";

	private static final WireMockServer server = start();

	private Gateway() {
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	public static WireMockServer server() {
		return server;
	}

	public static String uri() {
		return "http://localhost:" + server.port();
	}

	/**
	 * Forgets every stub and every request seen.
	 */
	public static void reset() {
		server.resetAll();
	}

	/**
	 * Sign-in succeeds without a second factor, with tokens that expire in the given
	 * seconds, and {@code /me} describes the fixture user.
	 */
	public static void signInSucceeds(long expiresIn) {
		server.stubFor(
				post(urlEqualTo("/api/auth/login")).willReturn(okJson(tokens(ACCESS_TOKEN, REFRESH_TOKEN, expiresIn))));
		meIs("[]");
	}

	/**
	 * {@code /me} describes the fixture user with the given permissions and no second
	 * factor.
	 */
	public static void mePermitted(String... permissions) {
		server.stubFor(get(urlEqualTo("/api/auth/me")).willReturn(okJson("""
				{"userId": "%s", "email": "ames@lakeside.example",
				 "practice": {"id": "%s", "name": "%s"},
				 "roles": ["PRACTICE_USER"], "permissions": [%s], "factors": []}
				""".formatted(USER_ID, PRACTICE_ID, PRACTICE,
				java.util.Arrays.stream(permissions)
					.map((permission) -> "\"" + permission + "\"")
					.collect(java.util.stream.Collectors.joining(", "))))));
	}

	public static void meIs(String factors) {
		server.stubFor(get(urlEqualTo("/api/auth/me")).willReturn(okJson("""
				{"userId": "%s", "email": "ames@lakeside.example",
				 "practice": {"id": "5b1f7c7e-3f0a-4d2b-9a51-3c0c8d1e2f40", "name": "%s"},
				 "roles": ["PRACTICE_ADMIN"], "permissions": ["PROCESS_PURCHASES", "VIEW_REPORTS", "MANAGE_USERS"],
				 "factors": %s}
				""".formatted(USER_ID, PRACTICE, factors))));
	}

	public static String tokens(String accessToken, String refreshToken, long expiresIn) {
		return """
				{"status": "AUTHENTICATED", "accessToken": "%s", "refreshToken": "%s", "expiresIn": %d,
				 "tokenType": "Bearer"}
				""".formatted(accessToken, refreshToken, expiresIn);
	}

	/**
	 * An RFC 9457 answer.
	 */
	public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String type,
			String detail, String errors) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
				{"type": "https://carefin.io/problems/%s", "title": "Refused", "status": %d, "detail": "%s",
				 "errors": %s}
				""".formatted(type, status, detail, errors));
	}

	/**
	 * Points the portal at the stand-in gateway.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("carefin.portal.gateway-uri=" + uri(),
						"carefin.portal.staff.issuer-uri=" + io.carefin.testsupport.TestIssuer.STAFF.issuerUri(),
						"carefin.portal.staff.browser-issuer-uri=" + uri() + Staff.REALM_PATH,
						"carefin.portal.staff.back-channel-uri=" + uri() + Staff.REALM_PATH)
				.applyTo(context);
		}

	}

}
