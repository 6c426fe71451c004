package io.carefin.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.account.AccountFixtures.Opened;
import io.carefin.account.ledger.BusinessDay;
import io.carefin.contracts.account.PromotionEvent;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.financing.AmortizationSchedule;
import io.carefin.financing.DeferredInterest;
import io.carefin.financing.Installment;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account view under every rule of the issue, against real PostgreSQL and Kafka:
 * opening, purchases, refunds, voids, payments, promotions, the business day, tenancy and
 * support access.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountLedgerIntegrationTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final LocalDate BIRTH = LocalDate.of(1984, 3, 9);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessDay businessDay;

	@Test
	void opensAnAccountFromAnApprovalWithTheProfileEncrypted(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);

		http.get()
			.uri("/api/accounts/{id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(practice)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.last4")
			.isEqualTo(account.accountNumber().substring(12))
			.jsonPath("$.creditLimit")
			.isEqualTo(50000.00)
			.jsonPath("$.availableCredit")
			.isEqualTo(50000.00)
			.jsonPath("$.status")
			.isEqualTo("ACTIVE")
			.jsonPath("$.patient.dateOfBirth")
			.isEqualTo("1984-03-09");
		byte[] stored = this.jdbc.sql("SELECT profile FROM account WHERE id = :id")
			.param("id", account.accountId())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("1984-03-09")
			.doesNotContain("Lopez")
			.doesNotContain("maria@example.com");
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE number_hash = :hash OR last4 = :number")
			.param("hash", account.accountNumber())
			.param("number", account.accountNumber())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void postsPurchasesRefundsVoidsAndPaymentsAsEntriesThatMakeTheBalance(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		UUID kept = AccountFixtures.purchase(this.jdbc, account, "1250.00", AccountFixtures.DEFERRED_12);
		UUID voided = AccountFixtures.purchase(this.jdbc, account, "300.00", AccountFixtures.DEFERRED_12);
		UUID refund = UUID.randomUUID();
		AccountFixtures.sendRefund(refund, account, kept, "250.00");
		UUID voidEvent = UUID.randomUUID();
		AccountFixtures.sendVoid(voidEvent, account, voided, "300.00");
		AccountFixtures.awaitApplied(this.jdbc, voidEvent);
		pay(http, account, "100.00").expectStatus().isCreated();

		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo("900.00");
		assertThat(AccountFixtures.remaining(this.jdbc, kept)).isEqualByComparingTo("900.00");
		assertThat(AccountFixtures.remaining(this.jdbc, voided)).isEqualByComparingTo("0.00");
		http.get()
			.uri("/api/accounts/{id}/activity", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(practice)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].kind")
			.value((kinds) -> assertThat((List<Object>) kinds).containsExactlyInAnyOrder("PURCHASE", "PURCHASE",
					"REFUND", "VOID", "PAYMENT"))
			.jsonPath("$[?(@.kind == 'REFUND')].amount")
			.isEqualTo(List.of(-250.00))
			.jsonPath("$[?(@.kind == 'PURCHASE')].authorizationCode")
			.isEqualTo(List.of("A1B2C3", "A1B2C3"));
		http.get()
			.uri("/api/accounts/{id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(practice)))
			.exchange()
			.expectBody()
			.jsonPath("$.balance")
			.isEqualTo(900.00)
			.jsonPath("$.availableCredit")
			.isEqualTo(49100.00)
			.jsonPath("$.promotions[?(@.purchaseId == '" + voided + "')].status")
			.isEqualTo(List.of("VOIDED"))
			.jsonPath("$.promotions[?(@.purchaseId == '" + kept + "')].remaining")
			.isEqualTo(List.of(900.00))
			.jsonPath("$.promotions[?(@.purchaseId == '" + kept + "')].endDate")
			.isEqualTo(List.of(LocalDate.now(NEW_YORK).plusMonths(12).toString()))
			.jsonPath("$.promotions[?(@.purchaseId == '" + kept + "')].monthlyPayoff")
			.isEqualTo(List.of(75.00));
		http.get()
			.uri("/api/accounts/{id}/payments", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(practice)))
			.exchange()
			.expectBody()
			.jsonPath("$[0].amount")
			.isEqualTo(100.00)
			.jsonPath("$[0].allocations[0].purchaseId")
			.isEqualTo(kept.toString());
		KafkaTestClient.awaitRecord("account.payments",
				(record) -> record.key().equals(account.accountId().toString()) && record.value().contains("100.00"),
				Duration.ofSeconds(30));
	}

	@Test
	void anApprovalOnTheAccountThePatientHoldsOnlyLetsThatPracticeSeeItAndIsAppliedOnce(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		UUID another = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Haddad", BIRTH);
		AccountFixtures.purchase(this.jdbc, account, "250.00", AccountFixtures.DEFERRED_12);
		Map<String, Object> before = accountRow(account);
		int entriesBefore = entries(account, "PURCHASE");

		UUID first = UUID.randomUUID();
		String approval = AccountFixtures.approvalOnExistingAccount(first, another, account, "50000.00");
		KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(), approval);
		KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(), approval);
		UUID second = UUID.randomUUID();
		KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(),
				AccountFixtures.approvalOnExistingAccount(second, another, account, "50000.00"));
		AccountFixtures.awaitApplied(this.jdbc, first);
		AccountFixtures.awaitApplied(this.jdbc, second);

		assertThat(accountRow(account)).as("profile, limit, balance and opening unchanged").isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE number_hash = :hash")
			.param("hash", AccountFixtures.hash(account.accountNumber()))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(entries(account, "PURCHASE")).isEqualTo(entriesBefore);
		assertThat(this.jdbc.sql("SELECT count(*) FROM ledger_entry WHERE account_id = :id")
			.param("id", account.accountId())
			.query(Integer.class)
			.single()).isEqualTo(entriesBefore);
		assertThat(this.jdbc.sql("SELECT practice_id FROM account_practice WHERE account_id = :id")
			.param("id", account.accountId())
			.query(UUID.class)
			.list()).containsExactlyInAnyOrder(practice, another);
		http.get()
			.uri("/api/accounts/{id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(another)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			// the other practice's purchase is not its own: it sees none of it but the
			// credit left
			.jsonPath("$.balance")
			.isEqualTo(0.00)
			.jsonPath("$.promotions")
			.isEmpty()
			.jsonPath("$.availableCredit")
			.isEqualTo(49750.00)
			.jsonPath("$.creditLimit")
			.isEqualTo(50000.00)
			.jsonPath("$.patient.email")
			.isEqualTo("maria@example.com");
		lookup(http, "?accountNumber=" + account.accountNumber(), practiceUser(another)).jsonPath("$[0].accountId")
			.isEqualTo(account.accountId().toString());
		http.get()
			.uri("/api/accounts/{id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(UUID.randomUUID())))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anApprovalOnAnExistingAccountArrivingFirstOpensIt() {
		Opened account = new Opened(UUID.randomUUID(), UUID.randomUUID(),
				"6019" + "%012d".formatted(new Random().nextLong(1_000_000_000_000L)), "Haddad", BIRTH);
		UUID eventId = UUID.randomUUID();
		KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(),
				AccountFixtures.approvalOnExistingAccount(eventId, account.practiceId(), account, "3000.00"));
		AccountFixtures.awaitApplied(this.jdbc, eventId);
		UUID opening = UUID.randomUUID();
		UUID openingPractice = UUID.randomUUID();
		KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(), AccountFixtures.approval(opening,
				openingPractice, account.accountId(), account.accountNumber(), "Haddad", BIRTH, "3000.00"));
		AccountFixtures.awaitApplied(this.jdbc, opening);

		assertThat(this.jdbc.sql("SELECT credit_limit FROM account WHERE id = :id")
			.param("id", account.accountId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("3000.00");
		assertThat(this.jdbc.sql("SELECT practice_id FROM account_practice WHERE account_id = :id")
			.param("id", account.accountId())
			.query(UUID.class)
			.list()).containsExactlyInAnyOrder(account.practiceId(), openingPractice);
	}

	@Test
	void appliesADuplicatePurchaseOnce() {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		UUID eventId = UUID.randomUUID();
		String json = AccountFixtures.purchaseJson(eventId, UUID.randomUUID(), account.accountId(), practice, "400.00",
				AccountFixtures.DEFERRED_12);
		KafkaTestClient.send(PurchaseEvent.TOPIC, account.accountId().toString(), json);
		KafkaTestClient.send(PurchaseEvent.TOPIC, account.accountId().toString(), json);
		AccountFixtures.purchase(this.jdbc, account, "1.00", AccountFixtures.DEFERRED_12);

		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo("401.00");
	}

	@Test
	void retriesAPurchaseForAnAccountNotOpenedYetThenParksIt() {
		UUID unknown = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		AccountFixtures.sendPurchase(eventId, unknown, UUID.randomUUID(), "99.00", AccountFixtures.DEFERRED_12);

		KafkaTestClient.awaitRecord(PurchaseEvent.TOPIC + ".DLT",
				(record) -> record.key().equals(unknown.toString()) && record.value().contains(eventId.toString()),
				Duration.ofSeconds(30));
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void waivesDeferredInterestWhenThePromotionIsPaidInFull(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		UUID purchase = AccountFixtures.purchase(this.jdbc, account, "1250.00", AccountFixtures.DEFERRED_12);
		LocalDate end = LocalDate.now(NEW_YORK).plusMonths(12);
		runBusinessDays(http, end.minusDays(1));
		pay(http, account, "1250.00").expectStatus().isCreated();
		runBusinessDays(http, end);

		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo("0.00");
		assertThat(entries(account, "DEFERRED_INTEREST")).isZero();
		assertThat(status(purchase)).isEqualTo("PAID_IN_FULL");
	}

	@Test
	void chargesTheWholeDeferredInterestOnTheEndDateWhenOneCentIsLeft(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		UUID purchase = AccountFixtures.purchase(this.jdbc, account, "1250.00", AccountFixtures.DEFERRED_12);
		LocalDate start = LocalDate.now(NEW_YORK);
		LocalDate end = start.plusMonths(12);
		runBusinessDays(http, end.minusDays(1));
		pay(http, account, "1249.99").expectStatus().isCreated();
		runBusinessDays(http, end);
		runBusinessDays(http, end);

		BigDecimal daily = DeferredInterest.dailyInterest(new BigDecimal("1250.00"), new BigDecimal("26.99"));
		BigDecimal accrued = daily.multiply(BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(start, end)));
		assertThat(this.jdbc.sql("""
				SELECT amount FROM ledger_entry WHERE purchase_id = :purchase AND kind = 'DEFERRED_INTEREST'
				AND business_date = :end
				""").param("purchase", purchase).param("end", end).query(BigDecimal.class).single())
			.isEqualByComparingTo(accrued);
		assertThat(AccountFixtures.balance(this.jdbc, account.accountId()))
			.isEqualByComparingTo(accrued.add(new BigDecimal("0.01")));
		assertThat(status(purchase)).isEqualTo("EXPIRED");
		List<String> notices = KafkaTestClient.readFor(PromotionEvent.TOPIC, Duration.ofSeconds(2))
			.stream()
			.filter((record) -> record.value().contains(purchase.toString()))
			.map((record) -> record.value().replaceAll(".*\"daysLeft\":(\\d+).*", "$1"))
			.toList();
		assertThat(notices).containsExactlyInAnyOrder("60", "30", "7");
	}

	@Test
	void billsAFixedPlanByTheGoldenSchedule(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		UUID purchase = AccountFixtures.purchase(this.jdbc, account, "5000.00", AccountFixtures.FIXED_24);
		LocalDate start = LocalDate.now(NEW_YORK);
		http.get()
			.uri("/api/accounts/{id}/promotions/{purchase}/schedule", account.accountId(), purchase)
			.headers((headers) -> headers.setBearerAuth(practiceUser(practice)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.monthlyPayment")
			.isEqualTo(242.20)
			.jsonPath("$.lastPayment")
			.isEqualTo(242.08)
			.jsonPath("$.totalInterest")
			.isEqualTo(812.68)
			.jsonPath("$.numberOfPayments")
			.isEqualTo(24);

		AmortizationSchedule golden = AmortizationSchedule.of(new BigDecimal("5000.00"), new BigDecimal("14.90"), 24);
		for (Installment installment : golden.installments()) {
			this.businessDay.runThrough(start.plusMonths(installment.number()));
			pay(http, account, installment.payment().toPlainString()).expectStatus().isCreated();
			assertThat(AccountFixtures.remaining(this.jdbc, purchase)).as("after payment %d", installment.number())
				.isEqualByComparingTo(installment.balanceAfter());
		}
		assertThat(this.jdbc
			.sql("SELECT sum(amount) FROM ledger_entry WHERE purchase_id = :purchase AND kind = 'INTEREST'")
			.param("purchase", purchase)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("812.68");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPaymentIsPostedAtTheSameInstantInItsAnswerAndInTheHistory(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		AccountFixtures.purchase(this.jdbc, account, "1000.00", AccountFixtures.DEFERRED_12);

		Map<String, Object> answered = pay(http, account, "100.00").expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<Map<String, Object>> history = http.get()
			.uri("/api/accounts/{id}/payments", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(practice)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();

		assertThat(history).singleElement()
			.satisfies((listed) -> assertThat(listed.get("postedAt")).isEqualTo(answered.get("postedAt")));
	}

	@Test
	void sendsTheExcessToTheHighestAprBalanceOutsideTheLastTwoMonths(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		UUID fixed24 = AccountFixtures.purchase(this.jdbc, account, "5000.00", AccountFixtures.FIXED_24);
		UUID deferred = AccountFixtures.purchase(this.jdbc, account, "1250.00", AccountFixtures.DEFERRED_12);
		UUID fixed60 = AccountFixtures.purchase(this.jdbc, account, "1000.00", AccountFixtures.FIXED_60);
		runBusinessDays(http, LocalDate.now(NEW_YORK).plusMonths(1));
		Map<UUID, BigDecimal> due = minimumsDue(http, account);

		Map<UUID, BigDecimal> paid = allocations(pay(http, account, "600.00"));

		BigDecimal excess = new BigDecimal("600.00").subtract(due.get(fixed24))
			.subtract(due.get(deferred))
			.subtract(due.get(fixed60));
		assertThat(excess).isPositive();
		assertThat(paid.get(fixed24)).isEqualByComparingTo(due.get(fixed24));
		assertThat(paid.get(deferred)).isEqualByComparingTo(due.get(deferred));
		assertThat(paid.get(fixed60)).isEqualByComparingTo(due.get(fixed60).add(excess));
	}

	@Test
	void sendsTheExcessToTheDeferredPromotionInItsLastTwoMonths(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		UUID fixed60 = AccountFixtures.purchase(this.jdbc, account, "1000.00", AccountFixtures.FIXED_60);
		UUID deferred = AccountFixtures.purchase(this.jdbc, account, "1250.00", AccountFixtures.DEFERRED_12);
		LocalDate end = LocalDate.now(NEW_YORK).plusMonths(12);
		runBusinessDays(http, end.minusMonths(2).plusDays(3));
		Map<UUID, BigDecimal> due = minimumsDue(http, account);

		Map<UUID, BigDecimal> paid = allocations(pay(http, account, "1000.00"));

		assertThat(new BigDecimal("1000.00").subtract(due.get(fixed60)).subtract(due.get(deferred)))
			.as("an excess over what is due")
			.isPositive();
		assertThat(paid.get(fixed60)).isEqualByComparingTo(due.get(fixed60));
		assertThat(paid.get(deferred)).isEqualByComparingTo(new BigDecimal("1000.00").subtract(due.get(fixed60)));
	}

	@Test
	void keepsTheBalanceTheSumOfTheLedgerOverAThousandRandomOperations(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", BIRTH);
		Random random = new Random(20261124L);
		String[] plans = { AccountFixtures.DEFERRED_12, AccountFixtures.FIXED_24, AccountFixtures.FIXED_60 };
		List<UUID> purchases = new ArrayList<>();
		List<BigDecimal> refundable = new ArrayList<>();
		BigDecimal expected = BigDecimal.ZERO;
		UUID lastEvent = null;
		LocalDate day = LocalDate.now(NEW_YORK);
		for (int operation = 0; operation < 1_000; operation++) {
			int dice = random.nextInt(100);
			if (dice < 40 || purchases.isEmpty()) {
				BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(200_000), 2);
				lastEvent = UUID.randomUUID();
				UUID purchase = AccountFixtures.sendPurchase(lastEvent, account.accountId(), practice,
						amount.toPlainString(), plans[random.nextInt(plans.length)]);
				purchases.add(purchase);
				expected = expected.add(amount);
				if (random.nextInt(10) == 0) {
					lastEvent = UUID.randomUUID();
					AccountFixtures.sendVoid(lastEvent, account, purchase, amount.toPlainString());
					expected = expected.subtract(amount);
					refundable.add(BigDecimal.ZERO);
				}
				else {
					refundable.add(amount);
				}
			}
			else if (dice < 55) {
				int which = random.nextInt(purchases.size());
				BigDecimal amount = refundable.get(which).min(BigDecimal.valueOf(1 + random.nextInt(30_000), 2));
				if (amount.signum() > 0) {
					lastEvent = UUID.randomUUID();
					AccountFixtures.sendRefund(lastEvent, account, purchases.get(which), amount.toPlainString());
					refundable.set(which, refundable.get(which).subtract(amount));
					expected = expected.subtract(amount);
				}
			}
			else if (dice < 90) {
				if (lastEvent != null) {
					AccountFixtures.awaitApplied(this.jdbc, lastEvent);
					lastEvent = null;
				}
				BigDecimal owed = this.jdbc.sql("""
						SELECT coalesce(sum(remaining), 0) FROM promotion_balance
						WHERE account_id = :account AND status IN ('OPEN', 'EXPIRED') AND remaining > 0
						""").param("account", account.accountId()).query(BigDecimal.class).single();
				BigDecimal amount = owed.min(BigDecimal.valueOf(1 + random.nextInt(50_000), 2));
				if (amount.signum() > 0) {
					pay(http, account, amount.toPlainString()).expectStatus().isCreated();
					expected = expected.subtract(amount);
				}
			}
			else {
				if (lastEvent != null) {
					AccountFixtures.awaitApplied(this.jdbc, lastEvent);
					lastEvent = null;
				}
				day = day.plusDays(1 + random.nextInt(20));
				this.businessDay.runThrough(day);
			}
		}
		if (lastEvent != null) {
			AccountFixtures.awaitApplied(this.jdbc, lastEvent);
		}
		BigDecimal interest = this.jdbc.sql("""
				SELECT coalesce(sum(amount), 0) FROM ledger_entry
				WHERE account_id = :account AND kind IN ('INTEREST', 'DEFERRED_INTEREST')
				""").param("account", account.accountId()).query(BigDecimal.class).single();
		BigDecimal entries = this.jdbc.sql("SELECT sum(amount) FROM ledger_entry WHERE account_id = :account")
			.param("account", account.accountId())
			.query(BigDecimal.class)
			.single();
		BigDecimal promotions = this.jdbc
			.sql("SELECT sum(remaining) FROM promotion_balance WHERE account_id = :account")
			.param("account", account.accountId())
			.query(BigDecimal.class)
			.single();

		assertThat(interest).isPositive();
		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo(entries)
			.isEqualByComparingTo(expected.add(interest))
			.isEqualByComparingTo(promotions);
		http.get()
			.uri("/api/accounts/ledger-check")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.STAFF.staffMember("OPS_ADMIN")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mismatches")
			.isEmpty();
	}

	@Test
	void showsAPracticeOnlyItsOwnPatients(RestTestClient http) {
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, mine, "Okafor", BIRTH);

		for (String path : List.of("/api/accounts/{id}", "/api/accounts/{id}/activity",
				"/api/accounts/{id}/payments")) {
			http.get()
				.uri(path, account.accountId())
				.headers((headers) -> headers.setBearerAuth(practiceUser(theirs)))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://carefin.io/problems/not-found");
		}
		pay(http, account, "1.00", practiceUser(theirs)).expectStatus().isNotFound();
		lookup(http, "?accountNumber=" + account.accountNumber(), practiceUser(theirs)).jsonPath("$").isEmpty();
		lookup(http, "?lastName=okafor&dateOfBirth=1984-03-09", practiceUser(theirs)).jsonPath("$").isEmpty();
		lookup(http, "?lastName=okafor&dateOfBirth=1984-03-09", practiceUser(mine)).jsonPath("$[0].accountId")
			.isEqualTo(account.accountId().toString());
		lookup(http, "?accountNumber=" + account.accountNumber(), practiceUser(mine)).jsonPath("$[0].accountId")
			.isEqualTo(account.accountId().toString());

		AccountFixtures.purchase(this.jdbc, new Opened(account.accountId(), theirs, account.accountNumber(),
				account.lastName(), account.dateOfBirth()), "250.00", AccountFixtures.DEFERRED_12);
		lookup(http, "?accountNumber=" + account.accountNumber(), practiceUser(theirs)).jsonPath("$[0].accountId")
			.isEqualTo(account.accountId().toString());
	}

	@Test
	void letsSupportReadAnyAccountOnlyWithAReasonMaskedAndAudited(RestTestClient http) {
		Opened account = AccountFixtures.open(this.jdbc, UUID.randomUUID(), "Nguyen", BIRTH);
		String support = TestIssuer.STAFF.staffMember("SUPPORT");

		http.get()
			.uri("/api/accounts/{id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(support))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/access-reason-required");
		http.get().uri("/api/accounts/{id}", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(support);
			headers.set("X-Access-Reason", "ticket 4711: patient called about a payment");
		})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.last4")
			.isEqualTo(account.accountNumber().substring(12))
			.jsonPath("$.patient.dateOfBirth")
			.doesNotExist()
			.jsonPath("$.patient.email")
			.doesNotExist()
			.jsonPath("$.patient.birthYear")
			.isEqualTo(1984);
		http.get().uri("/api/accounts?accountNumber={number}", account.accountNumber()).headers((headers) -> {
			headers.setBearerAuth(support);
			headers.set("X-Access-Reason", "ticket 4712: caller gave the card number");
		})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].accountId")
			.isEqualTo(account.accountId().toString())
			.jsonPath("$[0].patient.dateOfBirth")
			.doesNotExist();
		http.get().uri("/api/accounts?lastName=Nguyen").headers((headers) -> {
			headers.setBearerAuth(support);
			headers.set("X-Access-Reason", "ticket 4713");
		})
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/invalid-request");
		http.get()
			.uri("/api/accounts/audit?accountId={id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(support))
			.exchange()
			.expectStatus()
			.isForbidden();

		http.get()
			.uri("/api/accounts/audit?accountId={id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(TestIssuer.STAFF.staffMember("AUDITOR")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(2)
			.jsonPath("$.items.length()")
			.isEqualTo(2)
			.jsonPath("$.items[0].reason")
			.isEqualTo("ticket 4712: caller gave the card number")
			.jsonPath("$.items[0].action")
			.isEqualTo("LOOKUP_BY_NUMBER")
			.jsonPath("$.items[1].reason")
			.isEqualTo("ticket 4711: patient called about a payment")
			.jsonPath("$.items[1].action")
			.isEqualTo("READ_SUMMARY")
			.jsonPath("$.items[0].actor")
			.value((actor) -> assertThat((String) actor).startsWith("staff:"));
	}

	@Test
	void auditsAPaymentSupportPostsAndRefusesOneWithoutAReason(RestTestClient http) {
		Opened account = AccountFixtures.open(this.jdbc, UUID.randomUUID(), "Haddad", BIRTH);
		AccountFixtures.purchase(this.jdbc, account, "500.00", AccountFixtures.DEFERRED_12);
		String support = TestIssuer.STAFF.staffMember("SUPPORT");

		pay(http, account, "50.00", support).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://carefin.io/problems/access-reason-required");
		http.post().uri("/api/accounts/{id}/payments", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(support);
			headers.set("Idempotency-Key", UUID.randomUUID().toString());
			headers.set("X-Access-Reason", "patient paid by phone, call 991");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\":50.00}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.practiceId")
			.doesNotExist();

		assertThat(AccountFixtures.balance(this.jdbc, account.accountId())).isEqualByComparingTo("450.00");
		assertThat(this.jdbc.sql("SELECT action || ' ' || reason FROM support_audit WHERE account_id = :account")
			.param("account", account.accountId())
			.query(String.class)
			.list()).containsExactly("POST_PAYMENT patient paid by phone, call 991");
	}

	@Test
	void letsSupportCloseAnAccountWithAnAuditedReasonButNotAPractice(RestTestClient http) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Brennan", BIRTH);
		String support = TestIssuer.STAFF.staffMember("SUPPORT");

		changeStatus(http, account, practiceUser(practice), null).expectStatus().isForbidden();
		changeStatus(http, account, support, null).expectStatus().isBadRequest();
		changeStatus(http, account, support, "patient asked to close, ticket 5120").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED");

		assertThat(this.jdbc.sql("SELECT status FROM account WHERE id = :id")
			.param("id", account.accountId())
			.query(String.class)
			.single()).isEqualTo("CLOSED");
		assertThat(this.jdbc.sql("SELECT action FROM support_audit WHERE account_id = :account")
			.param("account", account.accountId())
			.query(String.class)
			.list()).containsExactly("CHANGE_STATUS CLOSED");
	}

	private static RestTestClient.ResponseSpec changeStatus(RestTestClient http, Opened account, String token,
			String reason) {
		return http.post().uri("/api/accounts/{id}/status", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(token);
			if (reason != null) {
				headers.set("X-Access-Reason", reason);
			}
		}).contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"CLOSED\"}").exchange();
	}

	@Test
	void neverLogsAFullAccountNumberOrADateOfBirth(RestTestClient http, CapturedOutput output) {
		UUID practice = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", LocalDate.of(1979, 12, 31));
		AccountFixtures.purchase(this.jdbc, account, "250.00", AccountFixtures.DEFERRED_12);
		lookup(http, "?accountNumber=" + account.accountNumber(), practiceUser(practice)).jsonPath("$[0].accountId")
			.isEqualTo(account.accountId().toString());
		lookup(http, "?lastName=Lopez&dateOfBirth=1979-12-31", practiceUser(practice)).jsonPath("$").isNotEmpty();
		UUID unknown = UUID.randomUUID();
		KafkaTestClient.send("transaction.applications", unknown.toString(),
				AccountFixtures
					.approval(UUID.randomUUID(), practice, unknown, account.accountNumber(), "Lopez",
							LocalDate.of(1979, 12, 31), "1.00")
					.replaceAll("\"accountLast4\":\"\\d{4}\"", "\"accountLast4\":null"));
		KafkaTestClient.awaitRecord("transaction.applications.DLT", (record) -> unknown.toString().equals(record.key()),
				Duration.ofSeconds(30));

		assertThat(output.getAll()).doesNotContain(account.accountNumber())
			.doesNotContain("1979-12-31")
			.doesNotContain("maria@example.com");
	}

	private Map<UUID, BigDecimal> minimumsDue(RestTestClient http, Opened account) {
		List<Map<String, Object>> promotions = http.get()
			.uri("/api/accounts/{id}", account.accountId())
			.headers((headers) -> headers.setBearerAuth(practiceUser(account.practiceId())))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("promotions") instanceof List<?> list ? castList(list) : List.of();
		Map<UUID, BigDecimal> due = new java.util.HashMap<>();
		promotions.forEach((promotion) -> due.put(UUID.fromString((String) promotion.get("purchaseId")),
				new BigDecimal(promotion.get("minimumDue").toString())));
		return due;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> castList(List<?> list) {
		return (List<Map<String, Object>>) list;
	}

	@SuppressWarnings("unchecked")
	private static Map<UUID, BigDecimal> allocations(RestTestClient.ResponseSpec response) {
		Map<String, Object> body = response.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<UUID, BigDecimal> paid = new java.util.HashMap<>();
		((List<Map<String, Object>>) body.get("allocations")).forEach((part) -> paid
			.put(UUID.fromString((String) part.get("purchaseId")), new BigDecimal(part.get("amount").toString())));
		return paid;
	}

	private void runBusinessDays(RestTestClient http, LocalDate through) {
		http.post()
			.uri("/api/accounts/business-days")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.STAFF.staffMember("OPS_ADMIN")))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"through\":\"" + through + "\"}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static RestTestClient.BodyContentSpec lookup(RestTestClient http, String query, String token) {
		return http.get()
			.uri("/api/accounts" + query)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private static RestTestClient.ResponseSpec pay(RestTestClient http, Opened account, String amount) {
		return pay(http, account, amount, practiceUser(account.practiceId()));
	}

	private static RestTestClient.ResponseSpec pay(RestTestClient http, Opened account, String amount, String token) {
		return http.post().uri("/api/accounts/{id}/payments", account.accountId()).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("Idempotency-Key", UUID.randomUUID().toString());
		}).contentType(MediaType.APPLICATION_JSON).body("{\"amount\":" + amount + "}").exchange();
	}

	private Map<String, Object> accountRow(Opened account) {
		return this.jdbc.sql("""
				SELECT md5(profile) AS profile, last4, number_hash, identity_hash, credit_limit, status, opened_at,
				       opened_by_event_id, balance
				FROM account WHERE id = :id
				""").param("id", account.accountId()).query().singleRow();
	}

	private int entries(Opened account, String kind) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_entry WHERE account_id = :account AND kind = :kind")
			.param("account", account.accountId())
			.param("kind", kind)
			.query(Integer.class)
			.single();
	}

	private String status(UUID purchase) {
		return this.jdbc.sql("SELECT status FROM promotion_balance WHERE purchase_id = :id")
			.param("id", purchase)
			.query(String.class)
			.single();
	}

	private static String practiceUser(UUID practice) {
		return TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES", "POST_PAYMENTS");
	}

}
