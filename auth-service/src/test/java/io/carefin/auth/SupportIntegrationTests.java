package io.carefin.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.MovableClock;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support finds practice users, reads their state and security events, and changes their
 * state only with a stated reason, which the audit trail keeps.
 */
@AuthServiceTest
class SupportIntegrationTests {

	private final String support = TestIssuer.STAFF.staffMember("SUPPORT");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void supportSeesALockAndLiftsIt(RestTestClient http) {
		String userId = lockedUser(http);
		status(http, userId).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("LOCKED");

		act(http, userId, "unlock", "{\"reason\":\"Caller verified by phone\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACTIVE");
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();
		assertThat(events("UserUnlocked", userId)).isOne();
		assertThat(reasons(userId, "UNLOCK")).containsExactly("Caller verified by phone");
	}

	@Test
	void refusesAnUnlockWithoutAReasonAndLeavesTheLock(RestTestClient http) {
		String userId = lockedUser(http);

		for (String body : new String[] { "{\"reason\":\"  \"}", "{}" }) {
			act(http, userId, "unlock", body).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/invalid-request")
				.jsonPath("$.errors[0].field")
				.isEqualTo("reason");
		}
		status(http, userId).expectBody().jsonPath("$.status").isEqualTo("LOCKED");
		assertThat(events("UserUnlocked", userId)).isZero();
	}

	@Test
	void aSuspensionEndsEverySessionUntilReactivationAndKeepsBothReasons(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String refreshToken = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("refreshToken");

		act(http, userId, "suspend", "{\"reason\":\"POLICY_VIOLATION\",\"note\":\"Password shared at the desk\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUSPENDED")
			.jsonPath("$.suspensionReason")
			.isEqualTo("POLICY_VIOLATION");
		http.post()
			.uri("/api/auth/token/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"refreshToken\":\"" + refreshToken + "\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isUnauthorized();

		act(http, userId, "reactivate", "{\"reason\":\"Practice manager confirmed new passwords\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACTIVE")
			.jsonPath("$.suspensionReason")
			.isEmpty();
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();
		assertThat(events("UserSuspended", userId)).isOne();
		assertThat(events("UserReactivated", userId)).isOne();
		assertThat(reasons(userId, "SUSPEND")).containsExactly("Password shared at the desk");
		assertThat(reasons(userId, "REACTIVATE")).containsExactly("Practice manager confirmed new passwords");
	}

	@Test
	void refusesASuspensionWithoutAPolicyReasonOrTheAgentsNote(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		act(http, userId, "suspend", "{\"reason\":\"BECAUSE\",\"note\":\"Seemed odd\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invalid-request");
		act(http, userId, "suspend", "{\"reason\":\"POLICY_VIOLATION\",\"note\":\"\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("note");
		status(http, userId).expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
		assertThat(events("UserSuspended", userId)).isZero();
	}

	@Test
	void refusesAReactivationWithoutAReason(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		act(http, userId, "suspend", "{\"reason\":\"SUSPECTED_FRAUD\",\"note\":\"Card testing\"}").expectStatus()
			.isOk();

		act(http, userId, "reactivate", "{\"reason\":\"\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		status(http, userId).expectBody().jsonPath("$.status").isEqualTo("SUSPENDED");
	}

	@Test
	void theStatusNamesTheUsersAddressRoleAndLastSignIn(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		status(http, userId).expectStatus().isOk().expectBody().jsonPath("$.lastSignInAt").isEmpty();

		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();

		status(http, userId).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(userId)
			.jsonPath("$.email")
			.isEqualTo(userId + "@example.test")
			.jsonPath("$.role")
			.isEqualTo("PRACTICE_ADMIN")
			.jsonPath("$.practiceName")
			.isEqualTo(practiceName(userId))
			.jsonPath("$.lastSignInAt")
			.isNotEmpty()
			.jsonPath("$.suspensionReason")
			.isEmpty()
			.jsonPath("$.lockedPermanently")
			.isEqualTo(false);
	}

	@Test
	void findsUsersByTheStartOfTheirUserIdOrEmailOrByTheirPractice(RestTestClient http) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID harbor = this.fixtures.practice("Harbor Dental " + tag);
		UUID alder = this.fixtures.practice("Alder Dental " + tag);
		this.fixtures.user(harbor, "zed." + tag, "front." + tag + "@harbor.example", "PRACTICE_USER", "ACTIVE",
				this.fixtures.passwordHash());
		this.fixtures.user(harbor, "amy." + tag, "owner." + tag + "@harbor.example", "PRACTICE_ADMIN", "ACTIVE",
				this.fixtures.passwordHash());
		this.fixtures.user(alder, "bob." + tag, "desk." + tag + "@alder.example", "PRACTICE_USER", "INVITED", null);

		assertThat(userIds(search(http, "ZED." + tag.toUpperCase()))).containsExactly("zed." + tag);
		assertThat(userIds(search(http, "Owner." + tag))).containsExactly("amy." + tag);
		assertThat(userIds(search(http, "dental " + tag))).as("by practice name, then user ID")
			.containsExactly("bob." + tag, "amy." + tag, "zed." + tag);
		assertThat(userIds(search(http, "arbor dental " + tag))).containsExactly("amy." + tag, "zed." + tag);
		assertThat(userIds(search(http, "mber." + tag))).as("a user ID matches from its start only").isEmpty();

		http.get()
			.uri("/api/auth/admin/users?q={q}&page=1&size=2", "dental " + tag)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].userId")
			.isEqualTo(List.of("zed." + tag))
			.jsonPath("$.page")
			.isEqualTo(1)
			.jsonPath("$.size")
			.isEqualTo(2)
			.jsonPath("$.total")
			.isEqualTo(3);
	}

	@Test
	void aSearchNeedsAtLeastTwoCharacters(RestTestClient http) {
		for (String query : new String[] { "?q=a", "?q= b ", "?q=   ", "" }) {
			http.get()
				.uri((builder) -> builder.path("/api/auth/admin/users").query(query.replace("?", "")).build())
				.headers((headers) -> headers.setBearerAuth(this.support))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/invalid-request")
				.jsonPath("$.errors[0].field")
				.isEqualTo("q");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsAUsersSecurityEventsNewestFirstWithTheAgentsReasons(RestTestClient http) {
		String userId = lockedUser(http);
		this.clock.advance(Duration.ofSeconds(1));
		act(http, userId, "unlock", "{\"reason\":\"Caller verified by phone\"}").expectStatus().isOk();

		http.get()
			.uri("/api/auth/admin/users/{userId}/events?size=3", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(3)
			.jsonPath("$[0].action")
			.isEqualTo("UNLOCK")
			.jsonPath("$[0].outcome")
			.isEqualTo("SUCCEEDED")
			.jsonPath("$[0].reason")
			.isEqualTo("Caller verified by phone")
			.jsonPath("$[0].actor")
			.value((actor) -> assertThat((String) actor).startsWith("staff:"))
			.jsonPath("$[1:3].action")
			.value((actions) -> assertThat((List<Object>) actions).containsExactlyInAnyOrder("LOCK", "SIGN_IN"))
			.jsonPath("$[0].occurredAt")
			.isNotEmpty();

		for (int size : new int[] { 0, 201 }) {
			http.get()
				.uri("/api/auth/admin/users/{userId}/events?size=" + size, userId)
				.headers((headers) -> headers.setBearerAuth(this.support))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("size");
		}
	}

	@Test
	void resendsAnInvitedUsersActivationLinkAndVoidsTheOldOne(RestTestClient http) {
		String admin = this.fixtures.activeUser();
		String adminToken = (String) AuthFixtures.signedIn(http, admin, AuthFixtures.PASSWORD).get("accessToken");
		String newcomer = "newcomer-" + UUID.randomUUID();
		http.post()
			.uri("/api/auth/users")
			.headers((headers) -> headers.setBearerAuth(adminToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"userId":"%s","email":"%s@example.test","role":"PRACTICE_USER","permissions":["PROCESS_PURCHASES"]}
					""".formatted(newcomer, newcomer))
			.exchange()
			.expectStatus()
			.isCreated();
		String lost = AuthFixtures.activationToken(newcomer);

		act(http, newcomer, "invitation", "{\"reason\":\"The first e-mail went to spam\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("INVITED");
		String resent = AuthFixtures.activationToken(newcomer, lost);

		activate(http, lost).expectStatus().isBadRequest();
		activate(http, resent).expectStatus().isNoContent();
		assertThat(reasons(newcomer, "INVITE_RESEND")).containsExactly("The first e-mail went to spam");
		AuthFixtures.signIn(http, newcomer, "the newcomer's own passphrase").expectStatus().isOk();
	}

	@Test
	void sendsNoActivationLinkToAUserWhoIsNotInvited(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		act(http, userId, "invitation", "{\"reason\":\"Practice asked\"}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invitation-not-pending");
		act(http, userId, "invitation", "{}").expectStatus().isBadRequest();
		assertThat(reasons(userId, "INVITE_RESEND")).isEmpty();
	}

	@Test
	void onlySupportMayUseTheSupportEndpoints(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String practiceAdmin = (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
		for (String token : new String[] { TestIssuer.STAFF.staffMember("OPS_ADMIN"),
				TestIssuer.STAFF.staffMember("AUDITOR"), practiceAdmin }) {
			http.post()
				.uri("/api/auth/admin/users/{userId}/unlock", userId)
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"reason\":\"Caller verified by phone\"}")
				.exchange()
				.expectStatus()
				.isForbidden();
			http.get()
				.uri("/api/auth/admin/users?q={q}", userId)
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		http.get()
			.uri("/api/auth/admin/users/{userId}", "nobody-" + userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private String lockedUser(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		for (int i = 1; i <= 5; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			AuthFixtures.signIn(http, userId, "wrong password " + i).expectStatus().isUnauthorized();
		}
		return userId;
	}

	private RestTestClient.ResponseSpec act(RestTestClient http, String userId, String action, String body) {
		return http.post()
			.uri("/api/auth/admin/users/{userId}/" + action, userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec status(RestTestClient http, String userId) {
		return http.get()
			.uri("/api/auth/admin/users/{userId}", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> search(RestTestClient http, String query) {
		return http.get()
			.uri("/api/auth/admin/users?q={q}", query)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<String> userIds(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.map((item) -> (String) item.get("userId"))
			.toList();
	}

	private static RestTestClient.ResponseSpec activate(RestTestClient http, String token) {
		return http.post()
			.uri("/api/auth/users/activate")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\":\"%s\",\"password\":\"the newcomer's own passphrase\"}".formatted(token))
			.exchange();
	}

	private String practiceName(String userId) {
		return this.jdbc.sql("""
				SELECT p.name FROM practice p JOIN practice_user u ON u.practice_id = p.id WHERE u.user_id = :userId
				""").param("userId", userId).query(String.class).single();
	}

	private List<String> reasons(String userId, String action) {
		return this.jdbc.sql("""
				SELECT a.reason FROM audit_entry a JOIN practice_user u ON u.id = a.user_id
				WHERE u.user_id = :userId AND a.action = :action
				""").param("userId", userId).param("action", action).query(String.class).list();
	}

	private int events(String type, String userId) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE :type AND serialized_event LIKE :user")
			.param("type", "%" + type)
			.param("user", "%" + this.fixtures.idOf(userId) + "%")
			.query(Integer.class)
			.single();
	}

}
