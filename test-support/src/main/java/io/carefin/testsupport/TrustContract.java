package io.carefin.testsupport;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every CareFin service promises about tokens, as tests a service's integration test
 * inherits: only live RS256 tokens for the platform's audience from a trusted issuer get
 * in, every refusal is a 401 problem, and health and metrics stay open for the platform.
 */
@ExtendWith(RunningServer.class)
public interface TrustContract {

	/**
	 * A path under the service's API that needs a token and answers 404 once one is
	 * given.
	 */
	String protectedPath();

	@Test
	default void refusesARequestWithoutAToken(RestTestClient http) {
		expectUnauthorized(http, null);
	}

	@Test
	default void refusesATokenFromAnIssuerItDoesNotTrust(RestTestClient http) {
		expectUnauthorized(http, TestIssuer.ROGUE.practiceUser(UUID.randomUUID(), "PRACTICE_ADMIN"));
	}

	@Test
	default void refusesATokenForgedInATrustedIssuersName(RestTestClient http) {
		expectUnauthorized(http, TestIssuer.PROVIDER.token("forger").signedWithKeyOf(TestIssuer.ROGUE).sign());
	}

	@Test
	default void refusesAnExpiredToken(RestTestClient http) {
		expectUnauthorized(http, TestIssuer.PROVIDER.token("late").expiresAt(Instant.now().minusSeconds(120)).sign());
	}

	@Test
	default void refusesATokenForAnotherAudience(RestTestClient http) {
		expectUnauthorized(http, TestIssuer.PROVIDER.token("elsewhere").claim("aud", "some-other-api").sign());
	}

	@Test
	default void refusesATamperedToken(RestTestClient http) {
		String token = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER");
		String[] parts = token.split("\\.");
		String otherPayload = TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_ADMIN").split("\\.")[1];
		expectUnauthorized(http, parts[0] + "." + otherPayload + "." + parts[2]);
	}

	@Test
	default void letsInATokenFromEitherTrustedIssuerEachTimeItIsUsed(RestTestClient http) {
		for (String token : new String[] { TestIssuer.PROVIDER.practiceUser(UUID.randomUUID(), "PRACTICE_USER"),
				TestIssuer.STAFF.staffMember("SUPPORT") }) {
			// the second time, the service remembers the token it checked in full
			for (int use = 0; use < 2; use++) {
				expectNotFoundProblem(http, protectedPath(), token);
			}
		}
	}

	@Test
	default void answersLivenessReadinessAndMetricsWithoutAToken(RestTestClient http) {
		http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		org.assertj.core.api.Assertions.assertThat(metrics(http)).contains("jvm_memory_used_bytes");
	}

	@Test
	default void countsRefusedRequestsWithoutTimingEverySecurityFilter(RestTestClient http) {
		expectUnauthorized(http, null);
		org.assertj.core.api.Assertions.assertThat(metrics(http))
			.containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"")
			.doesNotContain("spring_security_");
	}

	/**
	 * What the service's Prometheus endpoint shows now, read without a token.
	 */
	static String metrics(RestTestClient http) {
		String metrics = http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return (metrics != null) ? metrics : "";
	}

	/**
	 * Asserts that a GET of a path with a token is let in and answered by a not-found
	 * problem.
	 */
	static void expectNotFoundProblem(RestTestClient http, String path, String token) {
		http.get()
			.uri(path)
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

	private void expectUnauthorized(RestTestClient http, @org.jspecify.annotations.Nullable String token) {
		http.get().uri(protectedPath()).headers((headers) -> {
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
