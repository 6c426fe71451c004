package io.carefin.auth.mfa;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Base32;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@AuthServiceTest
class MfaIntegrationTests {

	private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{6})\"");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPracticeThatRequiresASecondFactorGetsACodeByEmail(RestTestClient http) {
		String userId = userOfAPracticeRequiringMfa();

		Map<String, Object> challenge = AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD);
		assertThat(challenge).containsEntry("status", "MFA_REQUIRED").doesNotContainKey("accessToken");
		assertThat(challenge.get("methods")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly("EMAIL");
		assertThat(challenge.get("destinations").toString()).contains("u***@example.test");

		verify(http, challengeId(challenge), codeSentFor(challengeId(challenge))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("AUTHENTICATED");
	}

	@Test
	void aCodeWorksOnceAndForTenMinutes(RestTestClient http) {
		String userId = userOfAPracticeRequiringMfa();
		UUID first = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String firstCode = codeSentFor(first);
		verify(http, first, firstCode).expectStatus().isOk();
		verify(http, first, firstCode).expectStatus().isUnauthorized();

		this.clock.advance(Duration.ofMinutes(1));
		UUID second = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String secondCode = codeSentFor(second);
		this.clock.advance(Duration.ofMinutes(10));
		verify(http, second, secondCode).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/sign-in-failed");
	}

	@Test
	void fiveWrongCodesEndTheChallengeAndLockTheUser(RestTestClient http) {
		String userId = userOfAPracticeRequiringMfa();
		UUID challenge = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String code = codeSentFor(challenge);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			verify(http, challenge, wrong).expectStatus().isUnauthorized();
		}

		verify(http, challenge, code).expectStatus().isUnauthorized();
		assertThat(this.jdbc.sql("SELECT locked_until IS NOT NULL FROM practice_user WHERE user_id = :userId")
			.param("userId", userId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void theCorrectPasswordDoesNotClearFailedCodes(RestTestClient http) {
		String userId = userOfAPracticeRequiringMfa();
		UUID first = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String wrong = wrongCodeFor(first);
		for (int i = 1; i <= 4; i++) {
			verify(http, first, wrong).expectStatus().isUnauthorized();
		}
		assertThat(this.fixtures.locked(userId)).isFalse();

		UUID second = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String secondCode = codeSentFor(second);
		verify(http, second, wrongCode(secondCode)).expectStatus().isUnauthorized();

		assertThat(this.fixtures.locked(userId)).as("locked by the fifth wrong code, whichever challenge it answered")
			.isTrue();
		assertThat(this.fixtures.lockEvents(userId)).isOne();
		String refusedSignIn = failureBody(AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD));
		assertThat(refusedSignIn).isEqualTo(failureBody(AuthFixtures.signIn(http, "nobody-" + userId, "whatever")));
		assertThat(failureBody(verify(http, second, secondCode)))
			.isEqualTo(failureBody(verify(http, UUID.randomUUID(), secondCode)));
	}

	@Test
	void parallelCodeGuessesAcrossChallengesCountBeforeAnyIsChecked(RestTestClient http) throws Exception {
		String userId = userOfAPracticeRequiringMfa();
		List<UUID> challenges = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			UUID challenge = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
			challenges.add(challenge);
			codes.add(codeSentFor(challenge));
		}

		List<Integer> answers = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService guessers = Executors.newFixedThreadPool(20);
		try {
			List<Future<Integer>> guesses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				UUID challenge = challenges.get(i % 4);
				String guess = wrongCode(codes.get(i % 4));
				guesses.add(guessers.submit(() -> {
					start.await();
					return verify(http, challenge, guess).returnResult().getStatus().value();
				}));
			}
			start.countDown();
			for (Future<Integer> guess : guesses) {
				answers.add(guess.get());
			}
		}
		finally {
			guessers.shutdown();
		}

		assertThat(codesCompared(userId)).as("codes compared with a challenge's code").isLessThanOrEqualTo(5);
		assertThat(this.fixtures.locked(userId)).isTrue();
		assertThat(this.fixtures.lockEvents(userId)).isOne();
		assertThat(answers).hasSize(20).containsOnly(401);
		for (int i = 0; i < 4; i++) {
			verify(http, challenges.get(i), codes.get(i)).expectStatus().isUnauthorized();
		}
	}

	@Test
	void aSuccessfulSignInWithTheSecondFactorClearsTheCount(RestTestClient http) {
		String userId = userOfAPracticeRequiringMfa();
		UUID first = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String firstCode = codeSentFor(first);
		for (int i = 1; i <= 3; i++) {
			verify(http, first, wrongCode(firstCode)).expectStatus().isUnauthorized();
		}
		verify(http, first, firstCode).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("AUTHENTICATED");

		UUID second = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String secondCode = codeSentFor(second);
		for (int i = 1; i <= 4; i++) {
			verify(http, second, wrongCode(secondCode)).expectStatus().isUnauthorized();
		}

		assertThat(this.fixtures.locked(userId)).isFalse();
		verify(http, second, secondCode).expectStatus().isOk();
		assertThat(this.fixtures.lockEvents(userId)).isZero();
	}

	@Test
	void resendingWaitsForTheCooldownAndStopsAtTheHourlyCapWhateverTheChallenge(RestTestClient http) {
		String userId = userOfAPracticeRequiringMfa();
		UUID challenge = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		resend(http, challenge);
		assertThat(codesSent(userId)).isOne();

		for (int sent = 2; sent <= 5; sent++) {
			this.clock.advance(Duration.ofSeconds(31));
			resend(http, challenge);
			assertThat(codesSent(userId)).isEqualTo(sent);
		}
		this.clock.advance(Duration.ofSeconds(31));
		resend(http, challenge);
		challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		assertThat(codesSent(userId)).isEqualTo(5);

		this.clock.advance(Duration.ofHours(1));
		challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		assertThat(codesSent(userId)).isEqualTo(6);
	}

	@Test
	void anAuthenticatorAppSignsInAndNoStepWorksTwice(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String accessToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
		Map<String, Object> enrolment = startAppEnrolment(http, accessToken);
		assertThat((String) enrolment.get("otpauthUri")).startsWith("otpauth://totp/CareFin%3A")
			.contains("secret=" + enrolment.get("secret"));
		byte[] secret = new Base32().decode((String) enrolment.get("secret"));
		confirmApp(http, accessToken, secret);

		Map<String, Object> challenge = AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD);
		assertThat(challenge).containsEntry("status", "MFA_REQUIRED");
		verify(http, challengeId(challenge), appCode(secret, this.clock.instant())).expectStatus().isUnauthorized();
		this.clock.advance(Duration.ofSeconds(30));
		verify(http, challengeId(challenge), appCode(secret, this.clock.instant())).expectStatus().isOk();
		assertThat(codesSent(userId)).isZero();
	}

	@Test
	void aPhoneNumberWorksOnlyOnceItsCodeCameBackAndNeverSignsInByItself(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String accessToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
		enrolPhone(http, accessToken, "12345").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("phone");

		Map<String, Object> enrolment = enrolPhone(http, accessToken, "(201) 555-0123").expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(enrolment.get("destinations").toString()).contains("***-***-0123");
		UUID enrolmentChallenge = challengeId(enrolment);
		String code = codeSentFor(enrolmentChallenge);
		assertThat(KafkaTestClient
			.awaitRecord(ChallengeEvent.TOPIC, (record) -> enrolmentChallenge.toString().equals(record.key()),
					Duration.ofSeconds(5))
			.value()).contains("\"channel\":\"SMS\"", "\"destination\":\"+12015550123\"");

		verify(http, enrolmentChallenge, code).expectStatus().isUnauthorized();
		assertThat(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD)).containsEntry("status", "AUTHENTICATED");
		confirmPhone(http, accessToken, enrolmentChallenge, code.equals("000000") ? "111111" : "000000").expectStatus()
			.isEqualTo(422);
		confirmPhone(http, accessToken, enrolmentChallenge, code).expectStatus().isNoContent();

		Map<String, Object> challenge = AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD);
		assertThat(challenge).containsEntry("status", "MFA_REQUIRED");
		assertThat(challenge.get("destinations").toString()).contains("SMS=***-***-0123");
		verify(http, challengeId(challenge), codeSentFor(challengeId(challenge))).expectStatus().isOk();
	}

	@Test
	void theProfileListsConfirmedFactorsMaskedButNotOneStillBeingEnrolled(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String accessToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
		enrolApp(http, accessToken);
		enrolAndConfirmPhone(http, accessToken, "(201) 555-0123");
		http.post()
			.uri("/api/auth/me/factors/email")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isOk();

		Map<String, Object> me = me(http, accessToken);
		assertThat(factors(me)).extracting((factor) -> factor.get("method"), (factor) -> factor.get("destination"))
			.containsExactly(tuple("SMS", "***-***-0123"), tuple("TOTP", null));
		assertThat(factors(me).get(1)).containsKey("destination");
		assertThat(me).containsEntry("secondFactorRequired", false);
	}

	@Test
	void aRemovedFactorIsNoLongerListedNorAskedForAndCannotBeRemovedTwice(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String accessToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
		enrolApp(http, accessToken);
		enrolAndConfirmPhone(http, accessToken, "(201) 555-0147");

		removeFactor(http, accessToken, "SMS").expectStatus().isNoContent();

		assertThat(factors(me(http, accessToken))).extracting((factor) -> factor.get("method")).containsExactly("TOTP");
		assertThat(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("methods"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("TOTP");
		for (String method : List.of("sms", "fax")) {
			removeFactor(http, accessToken, method).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/not-found");
		}
		assertThat(this.jdbc.sql("SELECT outcome FROM audit_entry WHERE user_id = :id AND action = 'FACTOR_REMOVE'")
			.param("id", this.fixtures.idOf(userId))
			.query(String.class)
			.list()).containsExactly("SMS");
	}

	@Test
	void removingTheLastFactorWhereThePracticeRequiresOneFallsBackToEmailCodes(RestTestClient http) {
		String userId = userOfAPracticeRequiringMfa();
		UUID challenge = challengeId(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD));
		String accessToken = (String) verify(http, challenge, codeSentFor(challenge)).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		enrolApp(http, accessToken);

		removeFactor(http, accessToken, "totp").expectStatus().isNoContent();

		Map<String, Object> me = me(http, accessToken);
		assertThat(factors(me)).isEmpty();
		assertThat(me).containsEntry("secondFactorRequired", true);
		assertThat(AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("methods"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("EMAIL");
	}

	private void enrolApp(RestTestClient http, String accessToken) {
		Map<String, Object> enrolment = startAppEnrolment(http, accessToken);
		confirmApp(http, accessToken, new Base32().decode((String) enrolment.get("secret")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> startAppEnrolment(RestTestClient http, String accessToken) {
		return http.post()
			.uri("/api/auth/me/factors/totp")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private void confirmApp(RestTestClient http, String accessToken, byte[] secret) {
		http.post()
			.uri("/api/auth/me/factors/totp/confirm")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"code\":\"" + appCode(secret, this.clock.instant()) + "\"}")
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private void enrolAndConfirmPhone(RestTestClient http, String accessToken, String phone) {
		UUID challenge = challengeId(enrolPhone(http, accessToken, phone).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());
		confirmPhone(http, accessToken, challenge, codeSentFor(challenge)).expectStatus().isNoContent();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> me(RestTestClient http, String accessToken) {
		return http.get()
			.uri("/api/auth/me")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> factors(Map<String, Object> me) {
		return (List<Map<String, Object>>) me.get("factors");
	}

	private static RestTestClient.ResponseSpec removeFactor(RestTestClient http, String accessToken, String method) {
		return http.delete()
			.uri("/api/auth/me/factors/{method}", method)
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange();
	}

	private static RestTestClient.ResponseSpec enrolPhone(RestTestClient http, String accessToken, String phone) {
		return http.post()
			.uri("/api/auth/me/factors/sms")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"phone\":\"" + phone + "\"}")
			.exchange();
	}

	private static RestTestClient.ResponseSpec confirmPhone(RestTestClient http, String accessToken, UUID challengeId,
			String code) {
		return http.post()
			.uri("/api/auth/me/factors/sms/confirm")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"challengeId\":\"%s\",\"code\":\"%s\"}".formatted(challengeId, code))
			.exchange();
	}

	private String userOfAPracticeRequiringMfa() {
		String userId = this.fixtures.activeUser();
		this.jdbc.sql("""
				UPDATE practice SET mfa_required = TRUE
				WHERE id = (SELECT practice_id FROM practice_user WHERE user_id = :userId)
				""").param("userId", userId).update();
		return userId;
	}

	private String codeSentFor(UUID challengeId) {
		String value = KafkaTestClient
			.awaitRecord(ChallengeEvent.TOPIC, (record) -> challengeId.toString().equals(record.key()),
					Duration.ofSeconds(20))
			.value();
		Matcher code = CODE.matcher(value);
		assertThat(code.find()).as("a code in %s", challengeId).isTrue();
		return code.group(1);
	}

	private String wrongCodeFor(UUID challengeId) {
		return wrongCode(codeSentFor(challengeId));
	}

	private static String wrongCode(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

	private static String failureBody(RestTestClient.ResponseSpec answer) {
		return answer.expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
	}

	/**
	 * Wrong codes compared with a challenge's code: a challenge counts a wrong try only
	 * once it has compared the code.
	 */
	private int codesCompared(String userId) {
		return this.jdbc.sql("SELECT coalesce(sum(wrong_tries), 0) FROM mfa_challenge WHERE user_id = :id")
			.param("id", this.fixtures.idOf(userId))
			.query(Integer.class)
			.single();
	}

	private int codesSent(String userId) {
		return this.jdbc.sql("SELECT count(*) FROM mfa_code_sent WHERE user_id = :id")
			.param("id", this.fixtures.idOf(userId))
			.query(Integer.class)
			.single();
	}

	private static String appCode(byte[] secret, Instant now) {
		return Totp.code(secret, Totp.step(now), Totp.DIGITS, "HmacSHA1");
	}

	private static UUID challengeId(Map<String, Object> answer) {
		return UUID.fromString((String) answer.get("challengeId"));
	}

	private static RestTestClient.ResponseSpec verify(RestTestClient http, UUID challengeId, String code) {
		return http.post()
			.uri("/api/auth/mfa/verify")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"challengeId\":\"%s\",\"code\":\"%s\"}".formatted(challengeId, code))
			.exchange();
	}

	private static void resend(RestTestClient http, UUID challengeId) {
		http.post()
			.uri("/api/auth/mfa/resend")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"challengeId\":\"%s\",\"method\":\"EMAIL\"}".formatted(challengeId))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

}
