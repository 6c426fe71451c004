package io.carefin.auth;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class SupportIntegrationTests {

	private final String support = TestIssuer.STAFF.staffMember("SUPPORT");

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void supportSeesALockAndLiftsIt(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		for (int i = 1; i <= 5; i++) {
			AuthFixtures.signIn(http, userId, "wrong password " + i).expectStatus().isUnauthorized();
		}
		status(http, userId).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("LOCKED");

		http.post()
			.uri("/api/auth/admin/users/{userId}/unlock", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACTIVE");
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();
		assertThat(events("UserUnlocked", userId)).isOne();
	}

	@Test
	void keepsTheReasonSupportGivesForAnUnlockInTheAuditTrail(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		for (int i = 1; i <= 5; i++) {
			AuthFixtures.signIn(http, userId, "wrong password " + i).expectStatus().isUnauthorized();
		}

		http.post()
			.uri("/api/auth/admin/users/{userId}/unlock", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"Caller verified by phone\"}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.jdbc.sql("""
				SELECT a.reason FROM audit_entry a JOIN practice_user u ON u.id = a.user_id
				WHERE u.user_id = :userId AND a.action = 'UNLOCK'
				""").param("userId", userId).query(String.class).list()).containsExactly("Caller verified by phone");
	}

	@Test
	void aSuspensionEndsEverySessionUntilReactivation(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String refreshToken = (String) AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("refreshToken");

		http.post()
			.uri("/api/auth/admin/users/{userId}/suspend", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"POLICY_VIOLATION\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUSPENDED");
		http.post()
			.uri("/api/auth/token/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"refreshToken\":\"" + refreshToken + "\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isUnauthorized();

		http.post()
			.uri("/api/auth/admin/users/{userId}/reactivate", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange()
			.expectStatus()
			.isOk();
		AuthFixtures.signIn(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();
		assertThat(events("UserSuspended", userId)).isOne();
		assertThat(events("UserReactivated", userId)).isOne();
	}

	@Test
	void refusesASuspensionWithoutAReason(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		http.post()
			.uri("/api/auth/admin/users/{userId}/suspend", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"BECAUSE\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invalid-request");
		status(http, userId).expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
	}

	@Test
	void onlySupportMayUseTheSupportEndpoints(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		for (String token : new String[] { TestIssuer.STAFF.staffMember("OPS_ADMIN"),
				TestIssuer.PROVIDER.token(UUID.randomUUID().toString())
					.claim("roles", java.util.List.of("SUPPORT"))
					.sign() }) {
			http.post()
				.uri("/api/auth/admin/users/{userId}/unlock", userId)
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.value((code) -> assertThat(code).isIn(401, 403));
		}
		http.get()
			.uri("/api/auth/admin/users/{userId}", "nobody-" + userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private RestTestClient.ResponseSpec status(RestTestClient http, String userId) {
		return http.get()
			.uri("/api/auth/admin/users/{userId}", userId)
			.headers((headers) -> headers.setBearerAuth(this.support))
			.exchange();
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
