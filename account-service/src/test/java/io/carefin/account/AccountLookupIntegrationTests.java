package io.carefin.account;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.account.AccountFixtures.Opened;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account lookup by a POST body (issue 19), so that a date of birth never sits in a
 * URL: the same answers, permissions, validation and audit as the lookup by query.
 */
@ServiceIntegrationTest
class AccountLookupIntegrationTests {

	private static final LocalDate BIRTH = LocalDate.of(1985, 4, 12);

	private static final String REASON = "patient called about a statement, ticket 5120";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLookupByBodyAnswersExactlyAsTheLookupByQuery(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		Opened sameName = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		String user = practiceUser(practice);

		String byName = post(http, user, null, "{\"lastName\":\" lopez \",\"dateOfBirth\":\"1985-04-12\"}");
		assertThat(byName).isEqualTo(get(http, user, null, "?lastName=LOPEZ&dateOfBirth=1985-04-12"))
			.contains(account.accountId().toString(), sameName.accountId().toString())
			.contains("\"dateOfBirth\":\"1985-04-12\"")
			.doesNotContain(account.accountNumber());
		String spaced = account.accountNumber().replaceAll("(\\d{4})(?=\\d)", "$1 ");
		String byNumber = post(http, user, null, "{\"accountNumber\":\"" + spaced + "\"}");
		assertThat(byNumber).isEqualTo(get(http, user, null, "?accountNumber=" + account.accountNumber()))
			.contains(account.accountId().toString())
			.doesNotContain(sameName.accountId().toString())
			.contains("\"last4\":\"" + account.accountNumber().substring(12) + "\"");
		// blank fields count as not given, as a form with empty boxes sends them
		assertThat(post(http, user, null,
				"{\"lastName\":\"\",\"dateOfBirth\":null,\"accountNumber\":\"" + account.accountNumber() + "\"}"))
			.isEqualTo(byNumber);
	}

	@Test
	void anotherPracticeFindsNothingByBodyAsByQuery(RestTestClient http) {
		Opened account = AccountFixtures.open(this.jdbc, UUID.randomUUID(), "Okafor", BIRTH);
		String other = practiceUser(UUID.randomUUID());

		assertThat(post(http, other, null, "{\"lastName\":\"Okafor\",\"dateOfBirth\":\"1985-04-12\"}"))
			.isEqualTo(get(http, other, null, "?lastName=Okafor&dateOfBirth=1985-04-12"))
			.isEqualTo("[]");
		assertThat(post(http, other, null, "{\"accountNumber\":\"" + account.accountNumber() + "\"}")).isEqualTo("[]");
	}

	@Test
	void refusesBothWaysAtOnceNeitherWayOrAMalformedValueWithASentence(RestTestClient http) {
		Opened account = AccountFixtures.open(this.jdbc, UUID.randomUUID(), "Nguyen", BIRTH);
		String user = practiceUser(account.practiceId());

		expectInvalid(http, user, "{\"lastName\":\"Nguyen\",\"dateOfBirth\":\"1985-04-12\",\"accountNumber\":\""
				+ account.accountNumber() + "\"}", "not both");
		expectInvalid(http, user,
				"{\"dateOfBirth\":\"1985-04-12\",\"accountNumber\":\"" + account.accountNumber() + "\"}", "not both");
		expectInvalid(http, user, "{}", "by accountNumber, or by lastName and dateOfBirth (YYYY-MM-DD)");
		expectInvalid(http, user, "{\"lastName\":\"Nguyen\"}",
				"by accountNumber, or by lastName and dateOfBirth (YYYY-MM-DD)");
		expectInvalid(http, user, "{\"accountNumber\":\"6019 1234\"}", "16 digits");
		expectInvalid(http, user, "{\"lastName\":\"Nguyen\",\"dateOfBirth\":\"12/04/1985\"}", "YYYY-MM-DD");
		http.post()
			.uri("/api/accounts/lookup")
			.headers((headers) -> headers.setBearerAuth(user))
			.contentType(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invalid-request");
	}

	@Test
	void supportLooksUpByBodyOnlyWithAReasonMaskedAndAuditedAsByQuery(RestTestClient http) {
		Opened account = AccountFixtures.open(this.jdbc, UUID.randomUUID(), "Haddad", BIRTH);
		String support = TestIssuer.STAFF.staffMember("SUPPORT");
		String body = "{\"lastName\":\"Haddad\",\"dateOfBirth\":\"1985-04-12\"}";

		http.post()
			.uri("/api/accounts/lookup")
			.headers((headers) -> headers.setBearerAuth(support))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/access-reason-required");
		assertThat(audit(account)).isEmpty();

		String byBody = post(http, support, REASON, body);
		assertThat(byBody).contains(account.accountId().toString())
			.contains("\"birthYear\":1985")
			.doesNotContain("1985-04-12")
			.doesNotContain("maria@example.com");
		assertThat(audit(account)).containsExactly("LOOKUP_BY_NAME " + REASON);
		assertThat(get(http, support, REASON, "?lastName=Haddad&dateOfBirth=1985-04-12")).isEqualTo(byBody);
		post(http, support, REASON, "{\"accountNumber\":\"" + account.accountNumber() + "\"}");
		assertThat(audit(account)).containsExactly("LOOKUP_BY_NAME " + REASON, "LOOKUP_BY_NAME " + REASON,
				"LOOKUP_BY_NUMBER " + REASON);

		for (String role : List.of("OPS_ADMIN", "AUDITOR")) {
			http.post().uri("/api/accounts/lookup").headers((headers) -> {
				headers.setBearerAuth(TestIssuer.STAFF.staffMember(role));
				headers.set("X-Access-Reason", REASON);
			}).contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isForbidden();
		}
	}

	private List<String> audit(Opened account) {
		return this.jdbc
			.sql("SELECT action || ' ' || reason FROM support_audit WHERE account_id = :account "
					+ "ORDER BY occurred_at, action")
			.param("account", account.accountId())
			.query(String.class)
			.list();
	}

	private static String post(RestTestClient http, String token, @Nullable String reason, String body) {
		return http.post()
			.uri("/api/accounts/lookup")
			.headers((headers) -> headers(headers, token, reason))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	private static String get(RestTestClient http, String token, @Nullable String reason, String query) {
		return http.get()
			.uri("/api/accounts" + query)
			.headers((headers) -> headers(headers, token, reason))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	private static void headers(HttpHeaders headers, String token, @Nullable String reason) {
		headers.setBearerAuth(token);
		if (reason != null) {
			headers.set("X-Access-Reason", reason);
		}
	}

	private static void expectInvalid(RestTestClient http, String token, String body, String detail) {
		String problem = http.post()
			.uri("/api/accounts/lookup")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.returnResult(String.class)
			.getResponseBody();
		assertThat(problem).contains("https://carefin.io/problems/invalid-request").contains(detail);
	}

	private static String practiceUser(UUID practice) {
		return TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES");
	}

}
