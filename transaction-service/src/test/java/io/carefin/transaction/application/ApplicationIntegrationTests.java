package io.carefin.transaction.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.CreditLineEvent;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.MovableClock;
import io.carefin.transaction.TransactionFixtures;
import io.carefin.transaction.TransactionFixtures.Response;
import io.carefin.transaction.TransactionServiceTest;
import io.carefin.transaction.creditline.AccountNumbers;

import static org.assertj.core.api.Assertions.assertThat;

@TransactionServiceTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.org.springframework.web=DEBUG", "logging.level.io.carefin=DEBUG",
		"logging.level.org.springframework.modulith=DEBUG" })
class ApplicationIntegrationTests {

	private static final String APPLICATIONS = "/api/transactions/applications";

	private static final String ADULT = "1980-05-17";

	private static final AtomicInteger AREAS = new AtomicInteger(100);

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	AccountNumbers accountNumbers;

	@Autowired
	MeterRegistry meters;

	@Test
	void approvesWithALimitAndOpensACreditLineWithAnEncryptedLuhnValidNumber() {
		UUID practice = this.fixtures.practice();

		String ssn = ssn("00-0450");
		Response approved = submit(practice, ssn, ADULT, "90000.00", "1000.00");

		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		assertThat(approved.json().path("creditLimit").decimalValue()).isEqualByComparingTo("7500.00");
		assertThat(approved.text("ssnLast4")).isEqualTo("0450");
		UUID account = UUID.fromString(approved.text("accountId"));
		String number = this.fixtures.accountNumber(account);
		assertThat(number).startsWith("6019").hasSize(16).endsWith(approved.text("accountLast4"));
		assertThat(AccountNumbers.isValid(number)).isTrue();
		assertThat(approved.body()).doesNotContain(number).doesNotContain(ssn.replace("-", ""));
		ConsumerRecord<String, String> event = awaitEvent(approved.text("applicationId"), "ApplicationApproved");
		assertThat(event.key()).isEqualTo(approved.text("applicationId"));
		assertThat(event.value()).contains("\"accountNumberHash\":\"" + this.accountNumbers.lookupHash(number) + "\"")
			.contains("\"accountLast4\":\"" + number.substring(12) + "\"")
			.contains("\"creditLimit\":7500.00")
			.doesNotContain("dateOfBirth")
			.doesNotContain("address")
			.doesNotContain(number)
			.doesNotContain(ssn.replace("-", ""))
			.doesNotContain(ssn);
		// the date of birth and address travel only to account-service, keyed by the
		// account
		ConsumerRecord<String, String> opened = KafkaTestClient.awaitRecord(CreditLineEvent.TOPIC,
				(record) -> record.key().equals(account.toString()), Duration.ofSeconds(20));
		assertThat(opened.value()).contains("\"type\":\"CreditLineOpened\"")
			.contains("\"dateOfBirth\":\"" + ADULT + "\"")
			.contains("\"accountNumberHash\":\"" + this.accountNumbers.lookupHash(number) + "\"")
			.contains("\"applicationId\":\"" + approved.text("applicationId") + "\"")
			.doesNotContain(number)
			.doesNotContain(ssn.replace("-", ""))
			.doesNotContain(ssn);
	}

	@Test
	void declinesApplicantsUnderEighteen() {
		LocalDate seventeen = LocalDate.now(ZoneId.of("America/New_York")).minusYears(17);
		Response declined = submit(this.fixtures.practice(), ssn("00-0450"), seventeen.toString(), "90000.00",
				"1000.00");
		assertDeclined(declined, "UNDER_AGE");
	}

	@Test
	void declinesIncomeBelowTheMinimum() {
		assertDeclined(submit(this.fixtures.practice(), ssn("00-0450"), ADULT, "10000.00", "100.00"), "INCOME_TOO_LOW");
	}

	@Test
	void declinesDebtToIncomeAboveTheMaximumWithTheBureausDebt() {
		// 36,000 a year: 600 housing + 1,000 other debt (…-40-…) is 53 % of 3,000 a month
		assertDeclined(submit(this.fixtures.practice(), ssn("40-0450"), ADULT, "36000.00", "600.00"),
				"DEBT_TO_INCOME_TOO_HIGH");
	}

	@Test
	void declinesALowScore() {
		Response declined = submit(this.fixtures.practice(), ssn("00-0200"), ADULT, "90000.00", "1000.00");
		assertDeclined(declined, "CREDIT_SCORE_TOO_LOW");
		assertThat(awaitEvent(declined.text("applicationId"), "ApplicationDeclined").value())
			.contains("\"reasons\":[\"CREDIT_SCORE_TOO_LOW\"]")
			.doesNotContain(ADULT);
	}

	@Test
	void sendsAMiddlingScoreToReviewAndSupportDecidesIt() {
		UUID practice = this.fixtures.practice();
		Response pending = submit(practice, ssn("00-0300"), ADULT, "90000.00", "1000.00");
		String id = pending.text("applicationId");
		String decision = APPLICATIONS + "/" + id + "/decision";

		Response byPractice = this.fixtures.post(decision, this.fixtures.practiceUser(practice, "PRACTICE_ADMIN"),
				"{\"decision\":\"APPROVED\"}");
		Response bySupport = this.fixtures.post(decision, this.fixtures.staff("SUPPORT"),
				"{\"decision\":\"APPROVED\",\"creditLimit\":2000.00}");
		Response again = this.fixtures.post(decision, this.fixtures.staff("SUPPORT"), "{\"decision\":\"DECLINED\"}");

		assertThat(pending.status()).isEqualTo(201);
		assertThat(pending.text("status")).isEqualTo("PENDING_REVIEW");
		assertThat(pending.json().path("reasons").get(0).asString()).isEqualTo("CREDIT_SCORE_REVIEW");
		assertThat(pending.json().path("accountId").isNull()).isTrue();
		assertThat(awaitEvent(id, "ApplicationPendingReview").value()).doesNotContain(ADULT);
		assertThat(byPractice.status()).isEqualTo(403);
		assertThat(bySupport.status()).as(bySupport.body()).isEqualTo(200);
		assertThat(bySupport.text("status")).isEqualTo("APPROVED");
		assertThat(bySupport.json().path("reviewed").asBoolean()).isTrue();
		assertThat(bySupport.json().path("creditLimit").decimalValue()).isEqualByComparingTo("2000.00");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("application-already-decided");
		assertThat(this.fixtures.get(APPLICATIONS + "/" + id, this.fixtures.clerk(practice)).text("accountId"))
			.isEqualTo(bySupport.text("accountId"));
		assertThat(
				KafkaTestClient
					.awaitRecord(ApplicationEvent.TOPIC,
							(record) -> record.value().contains(id)
									&& record.value().contains("\"ApplicationApproved\""),
							Duration.ofSeconds(20))
					.value())
			.contains("\"reviewed\":true");
	}

	@Test
	void supportMayDeclineAnApplicationUnderReview() {
		Response pending = submit(this.fixtures.practice(), ssn("00-0310"), ADULT, "90000.00", "1000.00");
		Response declined = this.fixtures.post(APPLICATIONS + "/" + pending.text("applicationId") + "/decision",
				this.fixtures.staff("SUPPORT"), "{\"decision\":\"DECLINED\",\"reasons\":[\"INCOME_NOT_VERIFIED\"]}");
		assertDeclined(declined, "INCOME_NOT_VERIFIED");
		assertThat(declined.status()).isEqualTo(200);
	}

	@Test
	void aSecondApplicationBySamePersonWithinThirtyDaysReturnsTheFirstDecision() {
		UUID practice = this.fixtures.practice();
		String ssn = ssn("00-0500");
		Response first = submit(practice, ssn, ADULT, "90000.00", "1000.00");
		Response second = submit(practice, ssn.replace("-", ""), ADULT, "150000.00", "0.00");
		this.clock.advance(Duration.ofDays(31));
		Response later = submit(practice, ssn, ADULT, "90000.00", "1000.00");

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.text("applicationId")).isEqualTo(first.text("applicationId"));
		assertThat(second.text("accountId")).isEqualTo(first.text("accountId"));
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.text("applicationId")).isNotEqualTo(first.text("applicationId"));
		assertThat(later.text("accountId")).as("one credit line per person").isEqualTo(first.text("accountId"));
		assertThat(later.json().path("existingAccount").asBoolean()).isTrue();
	}

	@Test
	void anotherPracticeGetsItsOwnApplicationApprovedOnThePersonsCreditLineWithoutAskingTheBureau() {
		UUID first = this.fixtures.practice("DEFERRED_12");
		UUID second = this.fixtures.practice("DEFERRED_12");
		String ssn = ssn("00-0450");
		double reports = bureauReports();
		Response approved = submit(first, ssn, ADULT, "90000.00", "1000.00");
		// the engine would decline this income; the person's approval stands instead
		Response elsewhere = this.fixtures.post(APPLICATIONS, this.fixtures.clerk(second),
				application(ssn, ADULT, "10000.00", "100.00", "1500.00", "PATIENT"));

		assertThat(bureauReports()).as("the bureau is asked once").isEqualTo(reports + 1);
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
		assertThat(elsewhere.text("status")).isEqualTo("APPROVED");
		assertThat(elsewhere.text("applicationId")).isNotEqualTo(approved.text("applicationId"));
		assertThat(elsewhere.text("accountId")).isEqualTo(approved.text("accountId"));
		assertThat(elsewhere.text("accountLast4")).isEqualTo(approved.text("accountLast4"));
		assertThat(elsewhere.json().path("creditLimit").decimalValue()).isEqualByComparingTo("7500.00");
		assertThat(elsewhere.json().path("existingAccount").asBoolean()).isTrue();
		assertThat(approved.json().path("existingAccount").asBoolean()).isFalse();
		assertThat(elsewhere.json().path("requestedAmount").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(elsewhere.text("keyedBy")).isEqualTo("PATIENT");
		assertThat(elsewhere.body()).doesNotContain(approved.text("applicationId")).doesNotContain(first.toString());
		assertThat(creditLinesOf(approved)).isEqualTo(1);
		assertThat(decidedFrom(elsewhere)).contains(approved.text("applicationId"));
		assertNeitherSeesTheOthersApplication(first, approved, second, elsewhere);
		assertThat(this.fixtures.get(APPLICATIONS + "/" + elsewhere.text("applicationId"), this.fixtures.clerk(second))
			.json()
			.path("existingAccount")
			.asBoolean()).isTrue();
		Response purchase = this.fixtures.postOnce("/api/transactions/purchases", this.fixtures.clerk(second),
				TransactionFixtures.purchase(UUID.fromString(elsewhere.text("accountId")), "400.00", "DEFERRED_12"));
		assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
		assertThat(purchase.text("status")).isEqualTo("APPROVED");
		assertThat(awaitEvent(elsewhere.text("applicationId"), "ApplicationApproved").value())
			.contains("\"existingAccount\":true")
			.contains("\"practiceId\":\"" + second + "\"")
			.contains("\"accountId\":\"" + approved.text("accountId") + "\"")
			.contains("\"creditLimit\":7500.00")
			.doesNotContain(approved.text("applicationId"));
		assertThat(awaitEvent(approved.text("applicationId"), "ApplicationApproved").value())
			.contains("\"existingAccount\":false");
	}

	@Test
	void anotherPracticeGetsTheExistingDeclineWithItsReasonsWithoutAskingTheBureau() {
		UUID first = this.fixtures.practice();
		UUID second = this.fixtures.practice();
		String ssn = ssn("00-0450");
		double reports = bureauReports();
		Response declined = submit(first, ssn, ADULT, "10000.00", "100.00");
		// the engine would approve this income; the person's decline stands instead
		Response elsewhere = submit(second, ssn, ADULT, "90000.00", "1000.00");

		assertThat(bureauReports()).isEqualTo(reports + 1);
		assertDeclined(declined, "INCOME_TOO_LOW");
		assertDeclined(elsewhere, "INCOME_TOO_LOW");
		assertThat(elsewhere.status()).isEqualTo(201);
		assertThat(elsewhere.text("applicationId")).isNotEqualTo(declined.text("applicationId"));
		assertThat(decidedFrom(elsewhere)).contains(declined.text("applicationId"));
		assertNeitherSeesTheOthersApplication(first, declined, second, elsewhere);
		assertThat(awaitEvent(elsewhere.text("applicationId"), "ApplicationDeclined").value())
			.contains("\"reasons\":[\"INCOME_TOO_LOW\"]")
			.contains("\"practiceId\":\"" + second + "\"");
	}

	@Test
	void anotherPracticeGetsItsOwnApplicationPendingReviewAndSupportsApprovalsShareOneCreditLine() {
		UUID first = this.fixtures.practice("DEFERRED_12");
		UUID second = this.fixtures.practice("DEFERRED_12");
		String ssn = ssn("00-0300");
		double reports = bureauReports();
		Response pending = submit(first, ssn, ADULT, "90000.00", "1000.00");
		Response elsewhere = submit(second, ssn, ADULT, "90000.00", "1000.00");

		assertThat(bureauReports()).isEqualTo(reports + 1);
		assertThat(elsewhere.status()).isEqualTo(201);
		assertThat(elsewhere.text("status")).isEqualTo("PENDING_REVIEW");
		assertThat(elsewhere.json().path("reasons").get(0).asString()).isEqualTo("CREDIT_SCORE_REVIEW");
		assertThat(elsewhere.text("applicationId")).isNotEqualTo(pending.text("applicationId"));
		assertThat(awaitEvent(elsewhere.text("applicationId"), "ApplicationPendingReview").value())
			.contains("\"practiceId\":\"" + second + "\"");

		Response approvedFirst = decide(pending, "{\"decision\":\"APPROVED\",\"creditLimit\":2000.00}");
		Response approvedSecond = decide(elsewhere, "{\"decision\":\"APPROVED\",\"creditLimit\":3000.00}");

		assertThat(approvedFirst.json().path("existingAccount").asBoolean()).isFalse();
		assertThat(approvedSecond.status()).as(approvedSecond.body()).isEqualTo(200);
		assertThat(approvedSecond.text("status")).isEqualTo("APPROVED");
		assertThat(approvedSecond.text("accountId")).isEqualTo(approvedFirst.text("accountId"));
		assertThat(approvedSecond.json().path("creditLimit").decimalValue())
			.as("the line's limit as it is; raising it is out of scope")
			.isEqualByComparingTo("2000.00");
		assertThat(approvedSecond.json().path("existingAccount").asBoolean()).isTrue();
		assertThat(creditLinesOf(pending)).isEqualTo(1);
		assertNeitherSeesTheOthersApplication(first, pending, second, elsewhere);
		Response purchase = this.fixtures.postOnce("/api/transactions/purchases", this.fixtures.clerk(second),
				TransactionFixtures.purchase(UUID.fromString(approvedSecond.text("accountId")), "400.00",
						"DEFERRED_12"));
		assertThat(purchase.text("status")).as(purchase.body()).isEqualTo("APPROVED");
		assertThat(KafkaTestClient
			.awaitRecord(ApplicationEvent.TOPIC,
					(record) -> record.value().contains(elsewhere.text("applicationId"))
							&& record.value().contains("\"ApplicationApproved\""),
					Duration.ofSeconds(20))
			.value()).contains("\"reviewed\":true")
			.contains("\"existingAccount\":true")
			.contains("\"creditLimit\":2000.00");
	}

	@Test
	void anApprovalAfterTheWindowAnswersThePersonsActiveCreditLineAndRelatesItToThePractice() {
		UUID first = this.fixtures.practice();
		UUID second = this.fixtures.practice("DEFERRED_12");
		String dateOfBirth = "1969-07-20";
		String ssn = ssn("00-0450");
		Response approved = submit(first, ssn, dateOfBirth, "90000.00", "1000.00");
		this.clock.advance(Duration.ofDays(31));
		double reports = bureauReports();
		// the engine approves 5,000.00 on this income; the person's line keeps its
		// 7,500.00
		Response later = submit(second, ssn, dateOfBirth, "20000.00", "0.00");

		assertThat(bureauReports()).as("outside the window the engine decides").isEqualTo(reports + 1);
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.text("status")).isEqualTo("APPROVED");
		assertThat(later.text("accountId")).isEqualTo(approved.text("accountId"));
		assertThat(later.json().path("creditLimit").decimalValue()).isEqualByComparingTo("7500.00");
		assertThat(later.json().path("existingAccount").asBoolean()).isTrue();
		assertThat(decidedFrom(later)).isEmpty();
		assertThat(creditLinesOf(approved)).isEqualTo(1);
		Response purchase = this.fixtures.postOnce("/api/transactions/purchases", this.fixtures.clerk(second),
				TransactionFixtures.purchase(UUID.fromString(later.text("accountId")), "400.00", "DEFERRED_12"));
		assertThat(purchase.text("status")).as(purchase.body()).isEqualTo("APPROVED");
	}

	@Test
	void applicationsOfOnePersonAtSeveralPracticesAtOnceOpenOneCreditLine() throws Exception {
		String ssn = ssn("00-0450");
		List<UUID> practices = List.of(this.fixtures.practice(), this.fixtures.practice(), this.fixtures.practice(),
				this.fixtures.practice());
		List<Response> answers;
		try (ExecutorService threads = Executors.newFixedThreadPool(practices.size())) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> submitted = new ArrayList<>();
			for (UUID practice : practices) {
				submitted.add(threads.submit(() -> {
					start.await();
					return submit(practice, ssn, ADULT, "90000.00", "1000.00");
				}));
			}
			start.countDown();
			answers = new ArrayList<>();
			for (Future<Response> answer : submitted) {
				answers.add(answer.get(30, TimeUnit.SECONDS));
			}
		}

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			assertThat(answer.text("status")).isEqualTo("APPROVED");
		});
		assertThat(answers.stream().map((answer) -> answer.text("accountId")).distinct()).hasSize(1);
		assertThat(answers.stream().filter((answer) -> !answer.json().path("existingAccount").asBoolean())).hasSize(1);
		assertThat(creditLinesOf(answers.getFirst())).isEqualTo(1);
	}

	@Test
	void listsApplicationsPendingReviewToSupportWithoutTheSsnOrTheDateOfBirth() {
		UUID first = this.fixtures.practice();
		UUID second = this.fixtures.practice();
		String ssn = ssn("00-0301");
		Response older = submit(first, ssn, "1958-11-02", "90000.00", "1000.00");
		this.clock.advance(Duration.ofSeconds(1));
		Response newer = submit(second, ssn("00-0302"), "1961-02-14", "90000.00", "1000.00");
		Response decided = submit(second, ssn("00-0303"), "1963-06-30", "90000.00", "1000.00");
		decide(decided, "{\"decision\":\"DECLINED\"}");

		Response all = this.fixtures.get(APPLICATIONS + "?status=PENDING_REVIEW&limit=100",
				this.fixtures.staff("SUPPORT"));

		assertThat(all.status()).as(all.body()).isEqualTo(200);
		List<String> ids = all.json().valueStream().map((item) -> item.path("applicationId").asString()).toList();
		assertThat(ids).contains(older.text("applicationId"), newer.text("applicationId"))
			.doesNotContain(decided.text("applicationId"));
		assertThat(ids.indexOf(newer.text("applicationId"))).as("newest first")
			.isLessThan(ids.indexOf(older.text("applicationId")));
		var item = all.json()
			.valueStream()
			.filter((each) -> each.path("applicationId").asString().equals(older.text("applicationId")))
			.findFirst()
			.orElseThrow();
		assertThat(item.path("practiceId").asString()).isEqualTo(first.toString());
		assertThat(item.path("practiceName").asString()).isEqualTo("Practice " + first.toString().substring(0, 8));
		assertThat(item.path("firstName").asString()).isEqualTo("Ada");
		assertThat(item.path("lastName").asString()).isEqualTo("Lovelace");
		assertThat(item.path("ssnLast4").asString()).isEqualTo("0301");
		assertThat(item.path("keyedBy").asString()).isEqualTo("STAFF");
		assertThat(item.path("requestedAmount").decimalValue()).isEqualByComparingTo("5000.00");
		assertThat(item.path("reasons").get(0).asString()).isEqualTo("CREDIT_SCORE_REVIEW");
		assertThat(item.path("submittedAt").asString()).isEqualTo(older.text("submittedAt"));
		assertThat(all.body()).doesNotContain(ssn)
			.doesNotContain(ssn.replace("-", ""))
			.doesNotContain("1958-11-02")
			.doesNotContain("dateOfBirth")
			.doesNotContain("annualIncome");
		Response onePage = this.fixtures.get(APPLICATIONS + "?status=PENDING_REVIEW&limit=1",
				this.fixtures.staff("SUPPORT"));
		assertThat(onePage.json().size()).isEqualTo(1);
		assertThat(Long.parseLong(onePage.totalCount())).isGreaterThanOrEqualTo(2);
		assertThat(item.propertyNames()).contains("status", "decidedAt", "creditLimit", "accountLast4");
	}

	@Test
	void showsAPracticeOnlyItsOwnApplicationsPendingReviewAndOtherStaffNone() {
		UUID mine = this.fixtures.practice();
		UUID theirs = this.fixtures.practice();
		Response own = submit(mine, ssn("00-0304"), ADULT, "90000.00", "1000.00");
		Response other = submit(theirs, ssn("00-0305"), ADULT, "90000.00", "1000.00");

		Response listed = this.fixtures.get(APPLICATIONS + "?status=PENDING_REVIEW", this.fixtures.clerk(mine));

		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		assertThat(listed.json().valueStream().map((item) -> item.path("practiceId").asString()).distinct())
			.containsExactly(mine.toString());
		assertThat(listed.body()).contains(own.text("applicationId")).doesNotContain(other.text("applicationId"));
		assertThat(
				this.fixtures.get(APPLICATIONS + "?status=PENDING_REVIEW", this.fixtures.staff("OPS_ADMIN")).status())
			.isEqualTo(403);
		assertThat(this.fixtures.get(APPLICATIONS + "?status=PENDING_REVIEW", this.fixtures.staff("AUDITOR")).status())
			.isEqualTo(403);
		for (String query : List.of("?status=APPROVED", "", "?status=PENDING_REVIEW&limit=0",
				"?status=PENDING_REVIEW&limit=101")) {
			Response refused = this.fixtures.get(APPLICATIONS + query, this.fixtures.staff("SUPPORT"));
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.problemType()).isEqualTo("invalid-request");
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void listsAllOfAPracticesApplicationsAPageAtATimeNewestFirstWithTheirTotal() {
		UUID mine = this.fixtures.practice();
		UUID theirs = this.fixtures.practice();
		List<Response> submitted = new ArrayList<>();
		for (String serial : List.of("0451", "0200", "0300", "0452", "0301")) {
			submitted.add(submit(mine, ssn("00-" + serial), ADULT, "90000.00", "1000.00"));
			this.clock.advance(Duration.ofSeconds(1));
		}
		Response other = submit(theirs, ssn("00-0453"), ADULT, "90000.00", "1000.00");
		List<String> newestFirst = submitted.reversed().stream().map((each) -> each.text("applicationId")).toList();
		String clerk = this.fixtures.clerk(mine);

		List<String> listed = new ArrayList<>();
		for (int page = 0; page < 4; page++) {
			Response answer = this.fixtures.get(APPLICATIONS + "?page=" + page + "&limit=2", clerk);
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			assertThat(answer.totalCount()).isEqualTo("5");
			assertThat(answer.json().size()).isEqualTo(List.of(2, 2, 1, 0).get(page));
			answer.json().valueStream().forEach((item) -> listed.add(item.path("applicationId").asString()));
		}

		assertThat(listed).isEqualTo(newestFirst).doesNotContain(other.text("applicationId"));
		Response all = this.fixtures.get(APPLICATIONS, clerk);
		assertThat(all.totalCount()).isEqualTo("5");
		var approved = all.json().get(4);
		assertThat(approved.propertyNames()).containsExactlyInAnyOrder("applicationId", "practiceId", "practiceName",
				"submittedAt", "decidedAt", "status", "keyedBy", "firstName", "lastName", "ssnLast4", "requestedAmount",
				"creditLimit", "accountLast4", "reasons");
		assertThat(approved.path("applicationId").asString()).isEqualTo(submitted.getFirst().text("applicationId"));
		assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.path("practiceId").asString()).isEqualTo(mine.toString());
		assertThat(approved.path("decidedAt").asString()).isEqualTo(submitted.getFirst().text("decidedAt"));
		assertThat(approved.path("creditLimit").decimalValue()).isEqualByComparingTo("7500.00");
		assertThat(approved.path("accountLast4").asString()).isEqualTo(submitted.getFirst().text("accountLast4"));
		assertThat(approved.path("ssnLast4").asString()).isEqualTo("0451");
		assertThat(all.json().get(3).path("reasons").get(0).asString()).isEqualTo("CREDIT_SCORE_TOO_LOW");
		assertThat(all.json().get(0).path("decidedAt").isNull()).isTrue();
		assertThat(all.body()).doesNotContain("accountId").doesNotContain(ADULT).doesNotContain("annualIncome");

		for (String status : List.of("APPROVED", "DECLINED", "PENDING_REVIEW")) {
			Response filtered = this.fixtures.get(APPLICATIONS + "?status=" + status, clerk);
			assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
			List<String> ids = filtered.json()
				.valueStream()
				.map((item) -> item.path("applicationId").asString())
				.toList();
			assertThat(ids).as(status)
				.isEqualTo(submitted.reversed()
					.stream()
					.filter((each) -> each.text("status").equals(status))
					.map((each) -> each.text("applicationId"))
					.toList());
			assertThat(filtered.totalCount()).isEqualTo(Integer.toString(ids.size()));
		}
		assertThat(this.fixtures.get(APPLICATIONS + "?status=APPROVED", clerk).totalCount()).isEqualTo("2");
		Response theirsListed = this.fixtures.get(APPLICATIONS, this.fixtures.clerk(theirs));
		assertThat(theirsListed.totalCount()).isEqualTo("1");
		assertThat(theirsListed.json().get(0).path("applicationId").asString()).isEqualTo(other.text("applicationId"));
	}

	@Test
	void refusesAPageBelowZeroALimitOutsideOneToAHundredAndAnUnknownStatus() {
		String clerk = this.fixtures.clerk(this.fixtures.practice());
		for (String query : List.of("?page=-1", "?limit=0", "?limit=101", "?status=VOIDED", "?status=approved",
				"?status=", "?page=first", "?status=APPROVED&page=-2&limit=10")) {
			Response refused = this.fixtures.get(APPLICATIONS + query, clerk);
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.problemType()).as(query).isEqualTo("invalid-request");
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.fixtures.get(APPLICATIONS + "?page=-1", clerk)
			.json()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("page");
		assertThat(this.fixtures.get(APPLICATIONS + "?status=VOIDED", clerk)
			.json()
			.path("errors")
			.get(0)
			.path("field")
			.asString()).isEqualTo("status");
		assertThat(this.fixtures.get(APPLICATIONS + "?page=0&limit=100", clerk).status()).isEqualTo(200);
	}

	@Test
	void anotherPracticesApplicationIsNotFound() {
		UUID mine = this.fixtures.practice();
		Response approved = submit(mine, ssn("00-0451"), ADULT, "90000.00", "1000.00");
		Response theirs = this.fixtures.get(APPLICATIONS + "/" + approved.text("applicationId"),
				this.fixtures.clerk(this.fixtures.practice()));
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.problemType()).isEqualTo("not-found");
	}

	@Test
	void refusesABadSsnWithAFieldErrorThatDoesNotRepeatIt() {
		Response refused = this.fixtures.post(APPLICATIONS, this.fixtures.clerk(this.fixtures.practice()),
				application("12-345-678", ADULT, "90000.00", "1000.00"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("ssn");
		assertThat(refused.body()).doesNotContain("12-345-678");
	}

	@Test
	void neverLogsNorSendsTheSsnTheFullAccountNumberOrTheDateOfBirthOutsideTheAccountOpening(CapturedOutput output) {
		String ssn = "987-00-0450";
		String dateOfBirth = "1975-03-09";
		UUID practice = this.fixtures.practice("DEFERRED_12");
		UUID elsewhere = this.fixtures.practice("DEFERRED_12");
		Response approved = submit(practice, ssn, dateOfBirth, "90000.00", "1000.00");
		UUID account = UUID.fromString(approved.text("accountId"));
		String number = this.fixtures.accountNumber(account);
		Response purchase = this.fixtures.postOnce("/api/transactions/purchases", this.fixtures.clerk(elsewhere),
				"{\"accountNumber\":\"" + number + "\",\"amount\":400.00,\"promotionCode\":\"DEFERRED_12\"}");
		Response declined = this.fixtures.postOnce("/api/transactions/purchases", this.fixtures.clerk(elsewhere),
				"{\"accountNumber\":\"" + number + "\",\"amount\":90000.00,\"promotionCode\":\"DEFERRED_12\"}");
		submit(practice, "987-00-0200", dateOfBirth, "90000.00", "1000.00");
		awaitEvent(approved.text("applicationId"), "ApplicationApproved");
		KafkaTestClient.awaitRecord(PurchaseEvent.TOPIC,
				(record) -> record.value().contains(declined.text("purchaseId")), Duration.ofSeconds(20));

		assertThat(purchase.text("status")).isEqualTo("APPROVED");
		assertThat(output.getAll()).contains("ApplicationRequest[…]")
			.doesNotContain("987000450")
			.doesNotContain(ssn)
			.doesNotContain(number)
			.doesNotContain(dateOfBirth);
		List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>(
				KafkaTestClient.readFor(ApplicationEvent.TOPIC, Duration.ofSeconds(2)));
		records.addAll(KafkaTestClient.readFor(PurchaseEvent.TOPIC, Duration.ofSeconds(2)));
		assertThat(records).hasSizeGreaterThan(3);
		assertThat(records).allSatisfy((record) -> assertThat(record.value()).doesNotContain("987000450")
			.doesNotContain(ssn)
			.doesNotContain(number));
		assertThat(records).allSatisfy((record) -> assertThat(record.value()).doesNotContain(dateOfBirth));
		assertThat(KafkaTestClient.readFor(CreditLineEvent.TOPIC, Duration.ofSeconds(2)))
			.anySatisfy((record) -> assertThat(record.value()).contains(dateOfBirth))
			.allSatisfy((record) -> assertThat(record.value()).doesNotContain("987000450")
				.doesNotContain(ssn)
				.doesNotContain(number));
		byte[] storedSsn = this.jdbc.sql("SELECT ssn_encrypted FROM credit_application WHERE id = :id")
			.param("id", UUID.fromString(approved.text("applicationId")))
			.query((rs, row) -> rs.getBytes(1))
			.single();
		byte[] storedNumber = this.jdbc.sql("SELECT account_number_encrypted FROM credit_line WHERE account_id = :id")
			.param("id", account)
			.query((rs, row) -> rs.getBytes(1))
			.single();
		assertThat(new String(storedSsn, StandardCharsets.ISO_8859_1)).doesNotContain("987000450");
		assertThat(new String(storedNumber, StandardCharsets.ISO_8859_1)).doesNotContain(number);
	}

	private Response submit(UUID practice, String ssn, String dateOfBirth, String income, String housing) {
		return this.fixtures.post(APPLICATIONS, this.fixtures.clerk(practice),
				application(ssn, dateOfBirth, income, housing));
	}

	private Response decide(Response pending, String decision) {
		return this.fixtures.post(APPLICATIONS + "/" + pending.text("applicationId") + "/decision",
				this.fixtures.staff("SUPPORT"), decision);
	}

	/**
	 * An SSN no other test uses, so that each test's applicant is a person of its own.
	 */
	private static String ssn(String groupAndSerial) {
		return AREAS.getAndIncrement() + "-" + groupAndSerial;
	}

	private double bureauReports() {
		return this.meters.get(ApplicationService.BUREAU_REPORTS).counter().count();
	}

	/**
	 * How many credit lines the applications of the person of an application lead to.
	 */
	private int creditLinesOf(Response application) {
		return this.jdbc.sql("""
				SELECT count(*) FROM credit_line WHERE account_id IN (
				    SELECT account_id FROM credit_application WHERE (ssn_hash, date_of_birth) IN (
				        SELECT ssn_hash, date_of_birth FROM credit_application WHERE id = :id))
				""").param("id", UUID.fromString(application.text("applicationId"))).query(Integer.class).single();
	}

	private Optional<String> decidedFrom(Response application) {
		return this.jdbc.sql("SELECT decided_from FROM credit_application WHERE id = :id")
			.param("id", UUID.fromString(application.text("applicationId")))
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)).map(UUID::toString))
			.single();
	}

	private void assertNeitherSeesTheOthersApplication(UUID first, Response firsts, UUID second, Response seconds) {
		assertThat(this.fixtures.get(APPLICATIONS + "/" + firsts.text("applicationId"), this.fixtures.clerk(second))
			.status()).isEqualTo(404);
		assertThat(this.fixtures.get(APPLICATIONS + "/" + seconds.text("applicationId"), this.fixtures.clerk(first))
			.status()).isEqualTo(404);
		assertThat(this.fixtures.get(APPLICATIONS + "/" + seconds.text("applicationId"), this.fixtures.clerk(second))
			.status()).isEqualTo(200);
	}

	private static String application(String ssn, String dateOfBirth, String income, String housing) {
		return application(ssn, dateOfBirth, income, housing, "5000.00", "STAFF");
	}

	private static String application(String ssn, String dateOfBirth, String income, String housing, String requested,
			String keyedBy) {
		return """
				{"firstName":"Ada","lastName":"Lovelace","dateOfBirth":"%s","ssn":"%s",
				 "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
				 "email":"ada@example.com","mobile":"+15555550100","annualIncome":%s,"monthlyHousingPayment":%s,
				 "requestedAmount":%s,"keyedBy":"%s"}
				""".formatted(dateOfBirth, ssn, income, housing, requested, keyedBy);
	}

	private static void assertDeclined(Response declined, String reason) {
		assertThat(declined.status()).as(declined.body()).isBetween(200, 201);
		assertThat(declined.text("status")).isEqualTo("DECLINED");
		assertThat(declined.json().path("reasons").get(0).asString()).isEqualTo(reason);
		assertThat(declined.json().path("accountId").isNull()).isTrue();
	}

	private static ConsumerRecord<String, String> awaitEvent(String id, String type) {
		return KafkaTestClient.awaitRecord(ApplicationEvent.TOPIC,
				(record) -> record.value().contains(id) && record.value().contains("\"type\":\"" + type + "\""),
				Duration.ofSeconds(20));
	}

}
