package io.carefin.auth;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The demo profile's practice is there, and its documented users sign in with the
 * documented passwords under the production hashing parameters.
 */
@AuthServiceTest
@ActiveProfiles("demo")
@TestPropertySource(properties = { "carefin.auth.password.memory-kib=19456", "carefin.auth.password.iterations=2" })
class DemoPracticeIntegrationTests {

	@Test
	void theDemoUsersSignInWithTheirDocumentedPasswords(RestTestClient http) {
		for (String[] user : new String[][] { { "demo.admin", "Smile-Brightly-2026" },
				{ "demo.user", "Cheerful-Molars-2026" } }) {
			http.post()
				.uri("/api/auth/login")
				.contentType(MediaType.APPLICATION_JSON)
				.body(AuthFixtures.login(user[0], user[1]))
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

}
