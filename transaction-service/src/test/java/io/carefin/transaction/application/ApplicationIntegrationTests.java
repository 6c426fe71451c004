package io.carefin.transaction.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.carefin.contracts.transaction.ApplicationEvent;
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

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	AccountNumbers accountNumbers;

	@Test
	void approvesWithALimitAndOpensACreditLineWithAnEncryptedLuhnValidNumber() {
		UUID practice = this.fixtures.practice();

		Response approved = submit(practice, "123-00-0450", ADULT, "90000.00", "1000.00");

		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		assertThat(approved.json().path("creditLimit").decimalValue()).isEqualByComparingTo("7500.00");
		assertThat(approved.text("ssnLast4")).isEqualTo("0450");
		UUID account = UUID.fromString(approved.text("accountId"));
		String number = this.fixtures.accountNumber(account);
		assertThat(number).startsWith("6019").hasSize(16).endsWith(approved.text("accountLast4"));
		assertThat(AccountNumbers.isValid(number)).isTrue();
		assertThat(approved.body()).doesNotContain(number).doesNotContain("123000450");
		ConsumerRecord<String, String> event = awaitEvent(approved.text("applicationId"), "ApplicationApproved");
		assertThat(event.key()).isEqualTo(approved.text("applicationId"));
		assertThat(event.value()).contains("\"accountNumberHash\":\"" + this.accountNumbers.lookupHash(number) + "\"")
			.contains("\"accountLast4\":\"" + number.substring(12) + "\"")
			.contains("\"creditLimit\":7500.00")
			.contains("\"dateOfBirth\":\"" + ADULT + "\"")
			.doesNotContain(number)
			.doesNotContain("123000450")
			.doesNotContain("123-00-0450");
	}

	@Test
	void declinesApplicantsUnderEighteen() {
		LocalDate seventeen = LocalDate.now(ZoneId.of("America/New_York")).minusYears(17);
		Response declined = submit(this.fixtures.practice(), "123-00-0450", seventeen.toString(), "90000.00",
				"1000.00");
		assertDeclined(declined, "UNDER_AGE");
	}

	@Test
	void declinesIncomeBelowTheMinimum() {
		assertDeclined(submit(this.fixtures.practice(), "123-00-0450", ADULT, "10000.00", "100.00"), "INCOME_TOO_LOW");
	}

	@Test
	void declinesDebtToIncomeAboveTheMaximumWithTheBureausDebt() {
		// 36,000 a year: 600 housing + 1,000 other debt (…-40-…) is 53 % of 3,000 a month
		assertDeclined(submit(this.fixtures.practice(), "123-40-0450", ADULT, "36000.00", "600.00"),
				"DEBT_TO_INCOME_TOO_HIGH");
	}

	@Test
	void declinesALowScore() {
		Response declined = submit(this.fixtures.practice(), "123-00-0200", ADULT, "90000.00", "1000.00");
		assertDeclined(declined, "CREDIT_SCORE_TOO_LOW");
		assertThat(awaitEvent(declined.text("applicationId"), "ApplicationDeclined").value())
			.contains("\"reasons\":[\"CREDIT_SCORE_TOO_LOW\"]")
			.doesNotContain(ADULT);
	}

	@Test
	void sendsAMiddlingScoreToReviewAndSupportDecidesIt() {
		UUID practice = this.fixtures.practice();
		Response pending = submit(practice, "123-00-0300", ADULT, "90000.00", "1000.00");
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
		Response pending = submit(this.fixtures.practice(), "123-00-0310", ADULT, "90000.00", "1000.00");
		Response declined = this.fixtures.post(APPLICATIONS + "/" + pending.text("applicationId") + "/decision",
				this.fixtures.staff("SUPPORT"), "{\"decision\":\"DECLINED\",\"reasons\":[\"INCOME_NOT_VERIFIED\"]}");
		assertDeclined(declined, "INCOME_NOT_VERIFIED");
		assertThat(declined.status()).isEqualTo(200);
	}

	@Test
	void aSecondApplicationBySamePersonWithinThirtyDaysReturnsTheFirstDecision() {
		UUID practice = this.fixtures.practice();
		Response first = submit(practice, "123-00-0500", ADULT, "90000.00", "1000.00");
		Response second = submit(practice, "123000500", ADULT, "150000.00", "0.00");
		this.clock.advance(Duration.ofDays(31));
		Response later = submit(practice, "123-00-0500", ADULT, "90000.00", "1000.00");

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.text("applicationId")).isEqualTo(first.text("applicationId"));
		assertThat(second.text("accountId")).isEqualTo(first.text("accountId"));
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.text("applicationId")).isNotEqualTo(first.text("applicationId"));
	}

	@Test
	void anotherPracticesApplicationIsNotFound() {
		UUID mine = this.fixtures.practice();
		Response approved = submit(mine, "123-00-0451", ADULT, "90000.00", "1000.00");
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
		assertThat(records).filteredOn((record) -> !record.value().contains("\"type\":\"ApplicationApproved\""))
			.allSatisfy((record) -> assertThat(record.value()).doesNotContain(dateOfBirth));
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

	private static String application(String ssn, String dateOfBirth, String income, String housing) {
		return """
				{"firstName":"Ada","lastName":"Lovelace","dateOfBirth":"%s","ssn":"%s",
				 "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
				 "email":"ada@example.com","mobile":"+15555550100","annualIncome":%s,"monthlyHousingPayment":%s,
				 "requestedAmount":5000.00,"keyedBy":"STAFF"}
				""".formatted(dateOfBirth, ssn, income, housing);
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
