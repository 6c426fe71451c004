package io.carefin.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The demo profile's two practices are there, and their documented users sign in with the
 * documented passwords under the production hashing parameters, asked for a second factor
 * where they have one.
 */
@AuthServiceTest
@ActiveProfiles("demo")
@TestPropertySource(properties = { "carefin.auth.password.memory-kib=19456", "carefin.auth.password.iterations=2" })
class DemoPracticeIntegrationTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "demo.admin, Smile-Brightly-2026, AUTHENTICATED", "demo.user, Cheerful-Molars-2026, AUTHENTICATED",
			"demo.sms, Sunny-Texts-2026, MFA_REQUIRED", "demo.email, Morning-Mail-2026, MFA_REQUIRED",
			"lakeside.admin, Lakeside-Harbor-2026, AUTHENTICATED", "lakeside.user, Quiet-Lakeshore-2026, AUTHENTICATED",
			"lakeside.sms, Sunny-Texts-2026, MFA_REQUIRED", "lakeside.email, Morning-Mail-2026, MFA_REQUIRED" })
	void theDemoUsersSignInWithTheirDocumentedPasswordsAndFactors(String userId, String password, String status,
			RestTestClient http) {
		http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AuthFixtures.login(userId, password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status);
	}

}
