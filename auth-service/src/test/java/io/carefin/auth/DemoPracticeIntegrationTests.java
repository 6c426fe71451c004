package io.carefin.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.TestIssuer;

/**
 * The demo profile's two practices are there, and their documented users sign in with the
 * documented passwords under the production hashing parameters, asked for a second factor
 * where they have one; the practices have the details ops give a practice they enrol.
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

	@ParameterizedTest(name = "{1}")
	@CsvSource({ "5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f, BRIGHT-SMILES, 4000100001, America/New_York",
			"7d3e1f2a-9b8c-4d5e-8f6a-2b1c0d9e8f7a, LAKESIDE, 4000100002, America/Chicago" })
	void theDemoPracticesHaveTheDetailsOpsWouldHaveEnrolledThemWith(String id, String code, String merchantId,
			String timeZone, RestTestClient http) {
		http.get()
			.uri("/api/auth/admin/practices/{id}", id)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.STAFF.staffMember("OPS_ADMIN")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.practiceCode")
			.isEqualTo(code)
			.jsonPath("$.merchantId")
			.isEqualTo(merchantId)
			.jsonPath("$.timeZone")
			.isEqualTo(timeZone)
			.jsonPath("$.address.line1")
			.isNotEmpty()
			.jsonPath("$.supportContact.phone")
			.isNotEmpty()
			.jsonPath("$.status")
			.isEqualTo("OPEN");
	}

}
