package io.carefin.account;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.account.AccountFixtures.Opened;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.CreditLineEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may post a payment and what a practice sees of an account other practices also sell
 * on (issue 21, defects 2, 4 and 7): the payment permission, idempotent replays only
 * after the access check and per caller, and each practice's own entries and balances
 * only.
 */
@ServiceIntegrationTest
class AccountPracticeIsolationIntegrationTests {

	private static final LocalDate BIRTH = LocalDate.of(1979, 11, 2);

	private static final String REASON = "patient called about a payment, ticket 4411";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPracticeUserWithoutThePaymentPermissionIsRefusedAndNothingIsPosted(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Moreau", BIRTH);
		AccountFixtures.purchase(this.jdbc, account, "800.00", AccountFixtures.DEFERRED_12);
		String withoutPermission = TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES",
				"PROCESS_REFUNDS", "VIEW_REPORTS");
		String admin = TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_ADMIN", "MANAGE_USERS",
				"PROCESS_PURCHASES");

		for (String token : List.of(withoutPermission, admin, TestIssuer.STAFF.staffMember("AUDITOR"),
				TestIssuer.STAFF.staffMember("OPS_ADMIN"))) {
			pay(http, account, token, UUID.randomUUID().toString(), "100.00").expectStatus().isForbidden();
		}

		assertThat(payments(account)).isZero();
		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo("800.00");
		pay(http, account, poster(practice), UUID.randomUUID().toString(), "100.00").expectStatus().isCreated();
		assertThat(payments(account)).isOne();
		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo("700.00");
	}

	@Test
	void aReplayIsServedOnlyAfterTheAccessCheckAndEachStaffMemberHasTheirOwnKeys(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Moreau", BIRTH);
		AccountFixtures.purchase(this.jdbc, account, "800.00", AccountFixtures.DEFERRED_12);
		String key = UUID.randomUUID().toString();

		pay(http, account, poster(practice), key, "40.00").expectStatus().isCreated();
		// a colleague without the permission, same key and body: refused, not replayed
		pay(http, account, TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES"), key,
				"40.00")
			.expectStatus()
			.isForbidden();
		pay(http, account, poster(practice), key, "40.00").expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true");

		String supportKey = UUID.randomUUID().toString();
		paySupport(http, account, TestIssuer.STAFF.staffMember("SUPPORT"), supportKey, "25.00").expectStatus()
			.isCreated();
		// an auditor with support's key: refused before any key is read
		paySupport(http, account, TestIssuer.STAFF.staffMember("AUDITOR"), supportKey, "25.00").expectStatus()
			.isForbidden();
		// another support agent with the same key posts their own payment: keys are per
		// staff member
		paySupport(http, account, TestIssuer.STAFF.staffMember("SUPPORT"), supportKey, "25.00").expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed");

		assertThat(payments(account)).isEqualTo(3);
		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo("710.00");
	}

	@Test
	void aPracticeSeesOnlyItsOwnEntriesAndBalancesOnASharedAccountAndSupportSeesAll(RestTestClient http) {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, first, "Moreau", BIRTH);
		UUID mine = AccountFixtures.purchase(this.jdbc, account, "1200.00", AccountFixtures.DEFERRED_12);
		Opened atSecond = new Opened(account.accountId(), second, account.accountNumber(), account.lastName(),
				account.dateOfBirth());
		UUID theirs = AccountFixtures.purchase(this.jdbc, atSecond, "5000.00", AccountFixtures.FIXED_24);
		// support posts a payment for the lender large enough to reach both balances
		paySupport(http, account, TestIssuer.STAFF.staffMember("SUPPORT"), UUID.randomUUID().toString(), "1500.00")
			.expectStatus()
			.isCreated();
		String firstUser = poster(first);

		http.get()
			.uri("/api/accounts/{id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(firstUser))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.promotions.length()")
			.isEqualTo(1)
			.jsonPath("$.promotions[0].purchaseId")
			.isEqualTo(mine.toString())
			.jsonPath("$.balance")
			.isEqualTo(AccountFixtures.remaining(this.jdbc, mine).doubleValue());
		String activity = http.get()
			.uri("/api/accounts/{id}/activity", account.accountId())
			.headers((headers) -> headers.setBearerAuth(firstUser))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(activity).contains(mine.toString()).doesNotContain(theirs.toString()).doesNotContain("5000.00");
		String payments = http.get()
			.uri("/api/accounts/{id}/payments", account.accountId())
			.headers((headers) -> headers.setBearerAuth(firstUser))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(payments).contains(mine.toString()).doesNotContain(theirs.toString()).doesNotContain("1500.00");
		http.get()
			.uri("/api/accounts/{id}/promotions/{purchase}/schedule", account.accountId(), theirs)
			.headers((headers) -> headers.setBearerAuth(firstUser))
			.exchange()
			.expectStatus()
			.isNotFound();
		http.get()
			.uri("/api/accounts/{id}/promotions/{purchase}/schedule", account.accountId(), theirs)
			.headers((headers) -> headers.setBearerAuth(poster(second)))
			.exchange()
			.expectStatus()
			.isOk();

		String support = TestIssuer.STAFF.staffMember("SUPPORT");
		http.get().uri("/api/accounts/{id}", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(support);
			headers.set("X-Access-Reason", REASON);
		})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.promotions.length()")
			.isEqualTo(2)
			.jsonPath("$.balance")
			.isEqualTo(AccountFixtures.balance(this.jdbc, account.accountId()).doubleValue());
		String allPayments = http.get().uri("/api/accounts/{id}/payments", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(support);
			headers.set("X-Access-Reason", REASON);
		}).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(allPayments).contains(mine.toString()).contains(theirs.toString()).contains("1500.00");
	}

	@Test
	void opensTheAccountFromTheCreditLineTopicAndTheSlimApprovalInEitherOrder(RestTestClient http) {
		for (boolean approvalFirst : List.of(true, false)) {
			UUID practice = UUID.randomUUID();
			UUID accountId = UUID.randomUUID();
			String number = "6019"
					+ "%012d".formatted(Math.abs(accountId.getLeastSignificantBits() % 1_000_000_000_000L));
			UUID approval = UUID.randomUUID();
			UUID opening = UUID.randomUUID();
			String approvalJson = AccountFixtures.slimApproval(approval, practice, accountId, number, "3000.00");
			String openingJson = AccountFixtures.creditLineOpened(opening, practice, accountId, number, "Roy", BIRTH,
					"3000.00");
			if (approvalFirst) {
				KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(), approvalJson);
				AccountFixtures.awaitApplied(this.jdbc, approval);
				// the practice's link alone shows nothing yet
				http.get()
					.uri("/api/accounts/{id}", accountId)
					.headers((headers) -> headers.setBearerAuth(poster(practice)))
					.exchange()
					.expectStatus()
					.isNotFound();
				KafkaTestClient.send(CreditLineEvent.TOPIC, accountId.toString(), openingJson);
			}
			else {
				KafkaTestClient.send(CreditLineEvent.TOPIC, accountId.toString(), openingJson);
				KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(), approvalJson);
				AccountFixtures.awaitApplied(this.jdbc, approval);
			}
			AccountFixtures.awaitApplied(this.jdbc, opening);

			http.get()
				.uri("/api/accounts/{id}", accountId)
				.headers((headers) -> headers.setBearerAuth(poster(practice)))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.patient.dateOfBirth")
				.isEqualTo(BIRTH.toString())
				.jsonPath("$.creditLimit")
				.isEqualTo(3000.00);
			http.get()
				.uri("/api/accounts?lastName=roy&dateOfBirth=" + BIRTH)
				.headers((headers) -> headers.setBearerAuth(poster(practice)))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].accountId")
				.isEqualTo(accountId.toString());
		}
	}

	private int payments(Opened account) {
		return this.jdbc.sql("SELECT count(*) FROM payment WHERE account_id = :id")
			.param("id", account.accountId())
			.query(Integer.class)
			.single();
	}

	private static String poster(UUID practice) {
		return TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES", "POST_PAYMENTS");
	}

	private static RestTestClient.ResponseSpec pay(RestTestClient http, Opened account, String token, String key,
			String amount) {
		return http.post().uri("/api/accounts/{id}/payments", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("Idempotency-Key", key);
		}).contentType(MediaType.APPLICATION_JSON).body("{\"amount\":" + amount + "}").exchange();
	}

	private static RestTestClient.ResponseSpec paySupport(RestTestClient http, Opened account, String token, String key,
			String amount) {
		return http.post().uri("/api/accounts/{id}/payments", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("Idempotency-Key", key);
			headers.set("X-Access-Reason", REASON);
		}).contentType(MediaType.APPLICATION_JSON).body("{\"amount\":" + amount + "}").exchange();
	}

}
