package io.carefin.auth.team;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.testsupport.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class TeamIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("\"activationToken\":\"([A-Za-z0-9_-]+)\"");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInvitedUserActivatesWithTheLinkAndSignsIn(RestTestClient http) {
		String admin = accessToken(http, this.fixtures.activeUser());
		String newcomer = "newcomer-" + UUID.randomUUID();

		http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body(invitation(newcomer))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("INVITED");
		AuthFixtures.signIn(http, newcomer, "the newcomer's passphrase").expectStatus().isUnauthorized();

		String token = activationToken(newcomer);
		activate(http, token, "password1234").expectStatus().isEqualTo(422);
		activate(http, token, "the newcomer's passphrase").expectStatus().isNoContent();
		activate(http, token, "another passphrase entirely").expectStatus().isBadRequest();
		AuthFixtures.signIn(http, newcomer, "the newcomer's passphrase").expectStatus().isOk();

		http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body(invitation(newcomer))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/user-id-unavailable");
	}

	@Test
	void aFrontDeskUserInvitedToTakePaymentsCarriesThatPermissionInTheirToken(RestTestClient http) throws Exception {
		String admin = accessToken(http, this.fixtures.activeUser());
		String frontDesk = "front-desk-" + UUID.randomUUID();
		http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"userId":"%s","email":"%s@example.test","role":"PRACTICE_USER",
					 "permissions":["PROCESS_PURCHASES","POST_PAYMENTS"]}
					""".formatted(frontDesk, frontDesk))
			.exchange()
			.expectStatus()
			.isCreated();
		activate(http, activationToken(frontDesk), "the front desk's passphrase").expectStatus().isNoContent();

		String token = (String) AuthFixtures.signedIn(http, frontDesk, "the front desk's passphrase")
			.get("accessToken");
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("permissions"))
			.containsExactlyInAnyOrder("PROCESS_PURCHASES", "POST_PAYMENTS");
	}

	@Test
	void anAdminSeesAndChangesOnlyTheirOwnPractice(RestTestClient http) {
		String adminA = this.fixtures.activeUser();
		String tokenA = accessToken(http, adminA);
		String userOfB = this.fixtures.activeUser();

		List<?> members = http.get()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(tokenA))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(members).hasSize(1).first().asString().contains(adminA).doesNotContain(userOfB);

		http.patch()
			.uri("/api/auth/users/{userId}", userOfB)
			.headers((headers) -> headers.setBearerAuth(tokenA))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"role\":\"PRACTICE_USER\",\"permissions\":[],\"enabled\":false}")
			.exchange()
			.expectStatus()
			.isNotFound();
		AuthFixtures.signIn(http, userOfB, AuthFixtures.PASSWORD).expectStatus().isOk();
	}

	@Test
	void anInvitationRefusesAUserIdOfAnotherPracticeExactlyAsItRefusesAReservedOne(RestTestClient http) {
		String adminA = this.fixtures.activeUser();
		String tokenA = accessToken(http, adminA);
		String userOfB = this.fixtures.activeUser();

		byte[] heldElsewhere = refusal(http, tokenA, userOfB.toUpperCase(Locale.ROOT));
		byte[] heldHere = refusal(http, tokenA, adminA);
		byte[] reserved = refusal(http, tokenA, "Support");

		assertThat(heldElsewhere).isEqualTo(reserved).isEqualTo(heldHere);
		assertThat(new String(heldElsewhere, StandardCharsets.UTF_8))
			.contains("https://carefin.io/problems/user-id-unavailable")
			.doesNotContainIgnoringCase("taken")
			.doesNotContainIgnoringCase("exist")
			.doesNotContainIgnoringCase("practice");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry
				WHERE action = 'INVITE' AND outcome = 'REFUSED' AND actor = :actor AND user_id IS NULL
				""").param("actor", "user:" + this.fixtures.idOf(adminA)).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void aDisabledUserCannotSignInOrRefreshUntilEnabledAgain(RestTestClient http) {
		String admin = accessToken(http, this.fixtures.activeUser());
		String colleague = "colleague-" + UUID.randomUUID();
		http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body(invitation(colleague))
			.exchange()
			.expectStatus()
			.isCreated();
		activate(http, activationToken(colleague), "a colleague's passphrase").expectStatus().isNoContent();
		String refresh = (String) AuthFixtures.signIn(http, colleague, "a colleague's passphrase")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("refreshToken");

		change(http, admin, colleague, false).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DISABLED");
		AuthFixtures.signIn(http, colleague, "a colleague's passphrase").expectStatus().isUnauthorized();
		http.post()
			.uri("/api/auth/token/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"refreshToken\":\"" + refresh + "\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();

		change(http, admin, colleague, true).expectStatus().isOk();
		AuthFixtures.signIn(http, colleague, "a colleague's passphrase").expectStatus().isOk();
	}

	@Test
	void anAdminCannotDisableThemselvesAndStaffCannotManageATeam(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String admin = accessToken(http, userId);
		change(http, admin, userId, false).expectStatus().isEqualTo(409);
		String staff = io.carefin.testsupport.TestIssuer.STAFF.staffMember("SUPPORT");
		http.get()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(staff))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void anAdminResendsAnInvitationWhoseNewLinkAloneActivatesAndWhichIsAuditedWithTheAdminAsActor(RestTestClient http) {
		String adminId = this.fixtures.activeUser();
		String admin = accessToken(http, adminId);
		String newcomer = "newcomer-" + UUID.randomUUID();
		invite(http, admin, newcomer);
		String lost = AuthFixtures.activationToken(newcomer);

		resend(http, admin, newcomer).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(newcomer)
			.jsonPath("$.status")
			.isEqualTo("INVITED");
		String resent = AuthFixtures.activationToken(newcomer, lost);
		String mail = KafkaTestClient
			.awaitRecord(RecoveryEvent.TOPIC, (record) -> record.value().contains(resent), Duration.ofSeconds(20))
			.value();
		assertThat(mail).contains("UserInvited").contains("\"email\":\"" + newcomer + "@example.test\"");
		assertThat(this.jdbc.sql("""
				SELECT actor || ' ' || coalesce(reason, '-') FROM audit_entry
				WHERE action = 'INVITE_RESEND' AND outcome = 'SENT' AND user_id = :user
				""").param("user", this.fixtures.idOf(newcomer)).query(String.class).list())
			.containsExactly("user:" + this.fixtures.idOf(adminId) + " -");

		activate(http, lost, "the newcomer's passphrase").expectStatus().isBadRequest();
		activate(http, resent, "the newcomer's passphrase").expectStatus().isNoContent();
		AuthFixtures.signIn(http, newcomer, "the newcomer's passphrase").expectStatus().isOk();
		resend(http, admin, newcomer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invitation-not-pending");
		resend(http, admin, adminId).expectStatus().isEqualTo(409);
	}

	@Test
	void anAdminCannotResendAnotherPracticesInvitationAndLearnsNothingOfIt(RestTestClient http) {
		String adminId = this.fixtures.activeUser();
		String admin = accessToken(http, adminId);
		UUID otherPractice = this.fixtures.practice("Other " + UUID.randomUUID());
		String invitedElsewhere = "invited-" + UUID.randomUUID();
		this.fixtures.user(otherPractice, invitedElsewhere, invitedElsewhere + "@example.test", "PRACTICE_USER",
				"INVITED", null);

		byte[] elsewhere = resend(http, admin, invitedElsewhere).expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult()
			.getResponseBody();
		byte[] unknown = resend(http, admin, "nobody-" + UUID.randomUUID()).expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(elsewhere).isEqualTo(unknown);
		assertThat(new String(elsewhere, StandardCharsets.UTF_8)).contains("https://carefin.io/problems/not-found");
		assertThat(this.jdbc.sql("SELECT count(*) FROM password_reset WHERE user_id = :user")
			.param("user", this.fixtures.idOf(invitedElsewhere))
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'INVITE_RESEND' AND user_id = :user")
			.param("user", this.fixtures.idOf(invitedElsewhere))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyAnAdminWhoManagesUsersResendsAnInvitation(RestTestClient http) {
		String adminId = this.fixtures.activeUser();
		String newcomer = "newcomer-" + UUID.randomUUID();
		invite(http, accessToken(http, adminId), newcomer);
		this.jdbc.sql("UPDATE practice_user SET permissions = '{PROCESS_PURCHASES}' WHERE user_id = :userId")
			.param("userId", adminId)
			.update();
		String colleague = "colleague-" + UUID.randomUUID();
		UUID practice = this.jdbc.sql("SELECT practice_id FROM practice_user WHERE user_id = :userId")
			.param("userId", adminId)
			.query(UUID.class)
			.single();
		this.fixtures.user(practice, colleague, colleague + "@example.test", "PRACTICE_USER", "ACTIVE",
				this.fixtures.passwordHash());

		for (String token : List.of(accessToken(http, adminId), accessToken(http, colleague),
				io.carefin.testsupport.TestIssuer.STAFF.staffMember("SUPPORT"))) {
			resend(http, token, newcomer).expectStatus().isForbidden();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'INVITE_RESEND' AND user_id = :user")
			.param("user", this.fixtures.idOf(newcomer))
			.query(Integer.class)
			.single()).isZero();
	}

	private static void invite(RestTestClient http, String admin, String userId) {
		http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body(invitation(userId))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static RestTestClient.ResponseSpec resend(RestTestClient http, String token, String userId) {
		return http.post()
			.uri("/api/auth/users/{userId}/invitation", userId)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private String activationToken(String userId) {
		String value = KafkaTestClient
			.awaitRecord(RecoveryEvent.TOPIC,
					(record) -> record.value().contains("\"signInUserId\":\"" + userId + "\"")
							&& record.value().contains("UserInvited"),
					Duration.ofSeconds(20))
			.value();
		Matcher token = TOKEN.matcher(value);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private static byte[] refusal(RestTestClient http, String admin, String userId) {
		return http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body(invitation(userId))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	private static String invitation(String userId) {
		return """
				{"userId":"%s","email":"%s@example.test","role":"PRACTICE_USER","permissions":["PROCESS_PURCHASES"]}
				""".formatted(userId, userId);
	}

	private static RestTestClient.ResponseSpec change(RestTestClient http, String admin, String userId,
			boolean enabled) {
		return http.patch()
			.uri("/api/auth/users/{userId}", userId)
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"role\":\"PRACTICE_ADMIN\",\"permissions\":[\"MANAGE_USERS\"],\"enabled\":%s}".formatted(enabled))
			.exchange();
	}

	private static RestTestClient.ResponseSpec activate(RestTestClient http, String token, String password) {
		return http.post()
			.uri("/api/auth/users/activate")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, password))
			.exchange();
	}

	private static String accessToken(RestTestClient http, String userId) {
		return (String) AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
	}

}
