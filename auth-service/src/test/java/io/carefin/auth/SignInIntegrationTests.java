package io.carefin.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.password.Passwords;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class SignInIntegrationTests {

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Passwords passwords;

	@Test
	void signsInWithTheRightPasswordAndGetsTokensTheServicesTrust(RestTestClient http) throws Exception {
		String userId = this.fixtures.activeUser();

		AuthFixtures.signIn(http, userId.toUpperCase(), AuthFixtures.PASSWORD)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("AUTHENTICATED")
			.jsonPath("$.expiresIn")
			.isEqualTo(600)
			.jsonPath("$.refreshToken")
			.isNotEmpty();
		String accessToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");

		SignedJWT jwt = SignedJWT.parse(accessToken);
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getHeader().getKeyID()).isNotBlank();
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("carefin-api");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PRACTICE_ADMIN");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("permissions")).containsExactly("MANAGE_USERS",
				"PROCESS_PURCHASES", "VIEW_REPORTS");
		assertThat(jwt.getJWTClaimsSet().getStringClaim("practice_id")).isNotBlank();
		http.get()
			.uri("/api/auth/me")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(userId);
	}

	@Test
	void theProfileNamesThePracticeWithItsCodeOrNoneForAPracticeWithout(RestTestClient http) {
		String withCode = this.fixtures.activeUser();
		String code = "SMILE-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
		this.jdbc
			.sql("UPDATE practice SET practice_code = :code WHERE id = "
					+ "(SELECT practice_id FROM practice_user WHERE user_id = :userId)")
			.param("code", code)
			.param("userId", withCode)
			.update();
		String without = this.fixtures.activeUser();

		me(http, withCode).jsonPath("$.practice.code")
			.isEqualTo(code)
			.jsonPath("$.practice.name")
			.value((name) -> assertThat((String) name).startsWith("Practice "))
			.jsonPath("$.practice.id")
			.isEqualTo(practiceOf(withCode).toString());
		me(http, without).jsonPath("$.practice.code")
			.hasJsonPath()
			.jsonPath("$.practice.code")
			.isEmpty()
			.jsonPath("$.practice.id")
			.isEqualTo(practiceOf(without).toString());
	}

	private RestTestClient.BodyContentSpec me(RestTestClient http, String userId) {
		String accessToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
		return http.get()
			.uri("/api/auth/me")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private java.util.UUID practiceOf(String userId) {
		return this.jdbc.sql("SELECT practice_id FROM practice_user WHERE user_id = :userId")
			.param("userId", userId)
			.query(java.util.UUID.class)
			.single();
	}

	@Test
	void answersEveryKindOfFailureWithTheSameBytes(RestTestClient http) {
		String active = this.fixtures.activeUser();
		String suspended = this.fixtures.user("SUSPENDED", this.passwords.hash(AuthFixtures.PASSWORD));
		String locked = this.fixtures.activeUser();
		for (int i = 0; i < 5; i++) {
			failedLogin(http, locked, "wrong password " + i);
		}

		String unknownUser = failedLogin(http, "nobody-" + active, AuthFixtures.PASSWORD);
		assertThat(failedLogin(http, active, "not the password")).isEqualTo(unknownUser);
		assertThat(failedLogin(http, suspended, AuthFixtures.PASSWORD)).isEqualTo(unknownUser);
		assertThat(failedLogin(http, locked, AuthFixtures.PASSWORD)).isEqualTo(unknownUser);
		assertThat(unknownUser).contains("https://carefin.io/problems/sign-in-failed");
	}

	@Test
	void locksAfterFiveFailuresForThirtyMinutesWithoutCheckingThePassword(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		for (int i = 1; i <= 4; i++) {
			failedLogin(http, userId, "wrong password " + i);
		}
		assertThat(this.fixtures.locked(userId)).isFalse();
		failedLogin(http, userId, "wrong password 5");
		assertThat(this.fixtures.locked(userId)).isTrue();

		double checksBefore = passwordChecks();
		failedLogin(http, userId, AuthFixtures.PASSWORD);
		assertThat(passwordChecks()).as("no password is checked during a lock").isEqualTo(checksBefore);

		this.clock.advance(Duration.ofMinutes(29));
		failedLogin(http, userId, AuthFixtures.PASSWORD);
		this.clock.advance(Duration.ofMinutes(1));
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();
		assertThat(this.fixtures.lockEvents(userId)).isOne();
	}

	@Test
	void theCorrectPasswordClearsTheCountOfAUserWithoutASecondFactor(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		for (int i = 1; i <= 4; i++) {
			failedLogin(http, userId, "wrong password " + i);
		}
		assertThat(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD)).containsEntry("status", "AUTHENTICATED");
		for (int i = 1; i <= 4; i++) {
			failedLogin(http, userId, "wrong password " + i);
		}

		assertThat(this.fixtures.locked(userId)).isFalse();
		assertThat(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD)).containsEntry("status", "AUTHENTICATED");
		assertThat(this.fixtures.lockEvents(userId)).isZero();
	}

	@Test
	void fiftyParallelWrongGuessesCheckAtMostFivePasswords(RestTestClient http) throws Exception {
		String userId = this.fixtures.activeUser();
		double checksBefore = passwordChecks();

		ExecutorService guessers = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Integer>> guesses = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String guess = "wrong guess " + i;
				guesses.add(() -> status(http, userId, guess));
			}
			for (Future<Integer> answer : guessers.invokeAll(guesses)) {
				assertThat(answer.get()).isEqualTo(401);
			}
		}
		finally {
			guessers.shutdown();
		}

		assertThat(passwordChecks() - checksBefore).isLessThanOrEqualTo(5);
		assertThat(this.fixtures.locked(userId)).isTrue();
		assertThat(this.fixtures.lockEvents(userId)).isOne();
	}

	@Test
	void upgradesAStoredHashMadeWithOlderParameters(RestTestClient http) {
		String oldHash = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 512, 1)
			.encode(AuthFixtures.PASSWORD);
		String userId = this.fixtures.user("ACTIVE", oldHash);

		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();

		String stored = this.jdbc.sql("SELECT password_hash FROM practice_user WHERE user_id = :userId")
			.param("userId", userId)
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(oldHash).contains("m=1024");
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();
	}

	private static String failedLogin(RestTestClient http, String userId, String password) {
		return http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AuthFixtures.login(userId, password))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static int status(RestTestClient http, String userId, String password) {
		return http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AuthFixtures.login(userId, password))
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	private double passwordChecks() {
		return this.meters.counter("carefin.auth.password.checks").count();
	}

}
