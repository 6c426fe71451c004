package io.carefin.testsupport;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every CareFin service promises about tokens, as tests a service's integration test
 * inherits: only live RS256 tokens for the platform's audience from a trusted issuer get
 * in, every refusal is a 401 problem, and health and metrics stay open for the platform.
 */
public interface TrustContract {

	/**
	 * The client for the running service.
	 */
	RestTestClient http();

	/**
	 * A path under the service's API that needs a token and answers 404 once one is
	 * given.
	 */
	String protectedPath();

	@Test
	default void refusesARequestWithoutAToken() {
		expectUnauthorized(null);
	}

	@Test
	default void refusesATokenFromAnIssuerItDoesNotTrust() {
		expectUnauthorized(TestIssuer.ROGUE.practiceUser(UUID.randomUUID(), "PRACTICE_ADMIN"));
	}

	@Test
	default void refusesATokenForgedInATrustedIssuersName() {
		expectUnauthorized(TestIssuer.PROVIDER.token("forger").signedWithKeyOf(TestIssuer.ROGUE).sign());
	}

	@Test
	default void refusesAnExpiredToken() {
		expectUnauthorized(TestIssuer.PROVIDER.token("late").expiresAt(Instant.now().minusSeconds(120)).sign());
	}

	@Test
	default void refusesATokenForAnotherAudience() {
		expectUnauthorized(TestIssuer.PROVIDER.token("elsewhere").claim("aud", "some-other-api").sign());
	}

	@Test
	default void refusesATamperedToken() {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		String[] parts = token.split("\\.");
		String otherPayload = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_ADMIN").split("\\.")[1];
		expectUnauthorized(parts[0] + "." + otherPayload + "." + parts[2]);
	}

	@Test
	default void letsInATokenFromEitherTrustedIssuer() {
		for (String token : new String[] { TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER"),
				TestIssuer.STAFF.staffMember("SUPPORT") }) {
			http().get()
				.uri(protectedPath())
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/not-found");
		}
	}

	@Test
	default void answersLivenessReadinessAndMetricsWithoutAToken() {
		http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		http().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> org.assertj.core.api.Assertions.assertThat(metrics).contains("jvm_memory_used_bytes"));
	}

	private void expectUnauthorized(@org.jspecify.annotations.Nullable String token) {
		http().get().uri(protectedPath()).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		})
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("WWW-Authenticate",
					(value) -> org.assertj.core.api.Assertions.assertThat(value).startsWith("Bearer"))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/unauthorized");
	}

}
