package io.carefin.auth.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class AuditIntegrationTests {

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsEachSignInWithItsOriginAndOutcomeAndPublishesIt(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		login(http, userId, "not the password").expectStatus().isUnauthorized();
		login(http, userId, AuthFixtures.PASSWORD).expectStatus().isOk();

		List<Map<String, Object>> entries = entriesOf(userId);
		assertThat(entries).extracting((entry) -> entry.get("action") + " " + entry.get("outcome"))
			.containsExactly("SIGN_IN FAILED", "SIGN_IN SUCCEEDED");
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry).containsEntry("client_ip", "203.0.113.7")
				.containsEntry("user_agent", "PracticeDesk/1.0")
				.containsEntry("actor", "self");
		});
		assertThat(events("SignInFailed", userId)).isOne();
		assertThat(events("SignInSucceeded", userId)).isOne();
	}

	@Test
	void neverKeepsWhatWasTypedForAnUnknownUser(RestTestClient http) {
		String typed = "MyS3cret-typed-into-the-user-field";
		login(http, typed, "whatever password").expectStatus().isUnauthorized();

		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'SIGN_IN' AND user_id IS NULL")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE CAST(audit_entry AS TEXT) LIKE :typed")
			.param("typed", "%" + typed + "%")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :typed")
			.param("typed", "%" + typed + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void namesTheStaffMemberWhoChangedAnAccount(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		String support = TestIssuer.STAFF.token("agent-42")
			.claim("realm_access", Map.of("roles", List.of("SUPPORT")))
			.sign();
		http.post()
			.uri("/api/auth/admin/users/{userId}/suspend", userId)
			.headers((headers) -> headers.setBearerAuth(support))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\":\"SUSPECTED_FRAUD\",\"note\":\"Card testing from the front desk\"}")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(entriesOf(userId))
			.extracting((entry) -> entry.get("action") + " " + entry.get("outcome") + " " + entry.get("actor"))
			.containsExactly("SUSPEND SUSPECTED_FRAUD staff:agent-42");
	}

	private List<Map<String, Object>> entriesOf(String userId) {
		return this.jdbc.sql("""
				SELECT action, outcome, actor, client_ip, user_agent FROM audit_entry
				WHERE user_id = :id ORDER BY occurred_at, action DESC
				""").param("id", this.fixtures.idOf(userId)).query().listOfRows();
	}

	private int events(String type, String userId) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE :type AND serialized_event LIKE :user")
			.param("type", "%" + type)
			.param("user", "%" + this.fixtures.idOf(userId) + "%")
			.query(Integer.class)
			.single();
	}

	private static RestTestClient.ResponseSpec login(RestTestClient http, String userId, String password) {
		return http.post()
			.uri("/api/auth/login")
			.header("X-Client-Address", "203.0.113.7")
			.header("User-Agent", "PracticeDesk/1.0")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AuthFixtures.login(userId, password))
			.exchange();
	}

}
