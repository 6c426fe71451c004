package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.MovableClock;
import io.carefin.transaction.TransactionFixtures;
import io.carefin.transaction.TransactionFixtures.Response;
import io.carefin.transaction.TransactionServiceTest;
import io.carefin.transaction.creditline.OpenedCreditLine;

import static io.carefin.transaction.TransactionFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;

@TransactionServiceTest
class PurchaseIntegrationTests {

	private static final String PURCHASES = "/api/transactions/purchases";

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	Settlement settlement;

	@Test
	void approvesAPurchaseWithAnAuthorisationCodeAndTheTermsOfItsPlan() {
		UUID practice = this.fixtures.practice("FIXED_24");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "6000.00");

		Response approved = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "5000.00", "FIXED_24"));

		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		assertThat(approved.text("authorizationCode")).matches("[A-Z0-9]{6}");
		assertThat(approved.text("accountLast4")).isEqualTo(line.accountLast4());
		assertThat(approved.json().path("plan").path("apr").decimalValue()).isEqualByComparingTo("14.90");
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("1000.00");
		ConsumerRecord<String, String> event = awaitEvent(approved.text("purchaseId"), "PurchaseApproved");
		assertThat(event.key()).isEqualTo(line.accountId().toString());
		assertThat(event.value()).contains("\"authorizationCode\":\"" + approved.text("authorizationCode") + "\"")
			.contains("\"amount\":5000.00");
	}

	@Test
	void declinesAPurchaseOverOpenToBuyAndRecordsWhy() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "1000.00");

		Response declined = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "1000.01", "DEFERRED_12"));

		assertThat(declined.status()).isEqualTo(201);
		assertThat(declined.text("status")).isEqualTo("DECLINED");
		assertThat(declined.text("declineReason")).isEqualTo("INSUFFICIENT_OPEN_TO_BUY");
		assertThat(declined.json().path("authorizationCode").isNull()).isTrue();
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("1000.00");
		assertThat(this.fixtures.get(PURCHASES + "/" + declined.text("purchaseId"), this.fixtures.clerk(practice))
			.text("status")).isEqualTo("DECLINED");
		assertThat(awaitEvent(declined.text("purchaseId"), "PurchaseDeclined").value())
			.contains("\"reason\":\"INSUFFICIENT_OPEN_TO_BUY\"");
	}

	@Test
	void aDeclinedPurchaseHasNothingRemainingToRefundOrSettle() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "1000.00");

		Response declined = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "99999.00", "DEFERRED_12"));

		assertThat(declined.text("status")).isEqualTo("DECLINED");
		assertThat(declined.json().path("remaining").isNull()).as(declined.body()).isTrue();
		Response again = this.fixtures.get(PURCHASES + "/" + declined.text("purchaseId"),
				this.fixtures.clerk(practice));
		assertThat(again.json().path("remaining").isNull()).as(again.body()).isTrue();
		assertThat(again.json().path("amount").decimalValue()).isEqualByComparingTo("99999.00");
	}

	@Test
	void declinesAPurchaseOnAnAccountThatIsNotActive() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "1000.00");
		this.jdbc.sql("UPDATE credit_line SET status = 'CLOSED' WHERE account_id = :id")
			.param("id", line.accountId())
			.update();

		Response declined = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "300.00", "DEFERRED_12"));

		assertThat(declined.text("declineReason")).isEqualTo("ACCOUNT_NOT_ACTIVE");
	}

	@Test
	void refusesAPlanThePracticeHasNotEnabled() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");

		Response refused = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "1500.00", "FIXED_24"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("promotion-not-enabled");
		assertThat(purchasesOf(line.accountId())).isZero();
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("5000.00");
	}

	@Test
	void refusesAPurchaseBelowThePlansMinimum() {
		UUID practice = this.fixtures.practice("DEFERRED_12", "FIXED_24");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");

		Response deferred = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "199.99", "DEFERRED_12"));
		Response fixed = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "999.99", "FIXED_24"));

		assertThat(deferred.status()).isEqualTo(422);
		assertThat(deferred.problemType()).isEqualTo("below-plan-minimum");
		assertThat(fixed.problemType()).isEqualTo("below-plan-minimum");
		assertThat(purchasesOf(line.accountId())).isZero();
	}

	@Test
	void refusesAmountsInFractionsOfACentAndRequestsWithoutAnAccount() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");

		Response fraction = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "300.001", "DEFERRED_12"));
		Response noAccount = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				"{\"amount\":300.00,\"promotionCode\":\"DEFERRED_12\"}");

		assertThat(fraction.status()).isEqualTo(400);
		assertThat(fraction.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
		assertThat(noAccount.status()).isEqualTo(400);
		assertThat(purchasesOf(line.accountId())).isZero();
	}

	@Test
	void keepsTheDisclosureVersionThePatientAcknowledgedWithThePurchaseAndAnswersItOnEveryRead() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");
		String clerk = this.fixtures.clerk(practice);
		String key = UUID.randomUUID().toString();
		String body = withDisclosure(purchase(line.accountId(), "400.00", "DEFERRED_12"), "DEFERRED_12-v2026.11_a");

		Response acknowledged = this.fixtures.post(PURCHASES, clerk, body, key);
		Response replayed = this.fixtures.post(PURCHASES, clerk, body, key);
		Response without = this.fixtures.postOnce(PURCHASES, clerk,
				purchase(line.accountId(), "300.00", "DEFERRED_12"));

		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
		assertThat(acknowledged.text("disclosureVersion")).isEqualTo("DEFERRED_12-v2026.11_a");
		assertThat(replayed.status()).isEqualTo(201);
		assertThat(replayed.body()).isEqualTo(acknowledged.body());
		assertThat(without.status()).as(without.body()).isEqualTo(201);
		assertThat(without.json().has("disclosureVersion")).isTrue();
		assertThat(without.json().path("disclosureVersion").isNull()).isTrue();
		String id = acknowledged.text("purchaseId");
		assertThat(this.jdbc.sql("SELECT disclosure_version FROM purchase WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("DEFERRED_12-v2026.11_a");
		assertThat(purchasesOf(line.accountId())).isEqualTo(2);
		assertThat(this.fixtures.get(PURCHASES + "/" + id, clerk).text("disclosureVersion"))
			.isEqualTo("DEFERRED_12-v2026.11_a");
		Response listed = this.fixtures.get(PURCHASES + "?accountId=" + line.accountId(), clerk);
		assertThat(listed.json()
			.valueStream()
			.filter((purchase) -> purchase.path("purchaseId").asString().equals(id))
			.map((purchase) -> purchase.path("disclosureVersion").asString()))
			.containsExactly("DEFERRED_12-v2026.11_a");
		Response voided = this.fixtures.post(PURCHASES + "/" + id + "/void", clerk, "");
		assertThat(voided.text("disclosureVersion")).isEqualTo("DEFERRED_12-v2026.11_a");
	}

	@Test
	void refusesADisclosureVersionThatIsEmptyTooLongOrNotAPlainName() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");

		for (String version : List.of("", "v 1", "v1/2", "<b>v1</b>", "v".repeat(65))) {
			Response refused = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
					withDisclosure(purchase(line.accountId(), "400.00", "DEFERRED_12"), version));
			assertThat(refused.status()).as(version).isEqualTo(400);
			assertThat(refused.problemType()).isEqualTo("invalid-request");
			assertThat(refused.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
				.as(version)
				.isNotEmpty()
				.containsOnly("disclosureVersion");
		}
		assertThat(purchasesOf(line.accountId())).isZero();
		assertThat(this.fixtures
			.postOnce(PURCHASES, this.fixtures.clerk(practice),
					withDisclosure(purchase(line.accountId(), "400.00", "DEFERRED_12"), "v".repeat(64)))
			.status()).isEqualTo(201);
	}

	@Test
	void refundsPartlyOnThePurchasesPlanAndNeverMoreThanIsLeft() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "2000.00");
		String id = this.fixtures
			.postOnce(PURCHASES, this.fixtures.clerk(practice), purchase(line.accountId(), "1200.00", "DEFERRED_12"))
			.text("purchaseId");

		Response first = this.fixtures.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(practice),
				"{\"amount\":700.00}");
		Response tooMuch = this.fixtures.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(practice),
				"{\"amount\":500.01}");
		Response rest = this.fixtures.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(practice),
				"{\"amount\":500.00}");

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().path("remaining").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.problemType()).isEqualTo("refund-exceeds-purchase");
		assertThat(rest.status()).isEqualTo(201);
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("2000.00");
		ConsumerRecord<String, String> event = awaitEvent(first.text("refundId"), "RefundIssued");
		assertThat(event.value()).contains("\"promotionCode\":\"DEFERRED_12\"").contains("\"settled\":false");
		List<ConsumerRecord<String, String>> refunds = KafkaTestClient
			.readFor(PurchaseEvent.TOPIC, Duration.ofSeconds(2))
			.stream()
			.filter((record) -> record.value().contains("\"RefundIssued\"") && record.value().contains(id))
			.toList();
		assertThat(refunds).as("one event per committed refund, none for the refused one").hasSize(2);
	}

	@Test
	void voidsAnUnsettledPurchaseAndGivesBackWhatWasLeftOfIt() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "2000.00");
		String id = this.fixtures
			.postOnce(PURCHASES, this.fixtures.clerk(practice), purchase(line.accountId(), "1000.00", "DEFERRED_12"))
			.text("purchaseId");
		this.fixtures.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(practice), "{\"amount\":100.00}");

		Response voided = this.fixtures.post(PURCHASES + "/" + id + "/void", this.fixtures.clerk(practice), "");
		Response again = this.fixtures.post(PURCHASES + "/" + id + "/void", this.fixtures.clerk(practice), "");
		Response refund = this.fixtures.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(practice),
				"{\"amount\":1.00}");

		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.text("status")).isEqualTo("VOIDED");
		assertThat(again.status()).isEqualTo(200);
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("2000.00");
		assertThat(refund.status()).isEqualTo(409);
		assertThat(refund.problemType()).isEqualTo("purchase-voided");
		assertThat(awaitEvent(id, "PurchaseVoided").value()).contains("\"amount\":900.00");
	}

	@Test
	void settlesAtTheEndOfThePracticesBusinessDayWithTheMerchantFeeAndThenRefusesAVoid() {
		UUID practice = this.fixtures.practice("DEFERRED_18");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "3000.00");
		String id = this.fixtures
			.postOnce(PURCHASES, this.fixtures.clerk(practice), purchase(line.accountId(), "1500.00", "DEFERRED_18"))
			.text("purchaseId");
		this.fixtures.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(practice), "{\"amount\":250.00}");

		this.settlement.settleEndedDays();
		assertThat(this.fixtures.get(PURCHASES + "/" + id, this.fixtures.clerk(practice)).text("status"))
			.isEqualTo("APPROVED");

		this.clock.advance(Duration.ofDays(1));
		this.settlement.settleEndedDays();

		Response settled = this.fixtures.get(PURCHASES + "/" + id, this.fixtures.clerk(practice));
		assertThat(settled.text("status")).isEqualTo("SETTLED");
		assertThat(settled.json().path("merchantFee").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(settled.json().path("netFunding").decimalValue()).isEqualByComparingTo("1150.00");
		Response voided = this.fixtures.post(PURCHASES + "/" + id + "/void", this.fixtures.clerk(practice), "");
		assertThat(voided.status()).isEqualTo(409);
		assertThat(voided.problemType()).isEqualTo("purchase-settled");
		Response refund = this.fixtures.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(practice),
				"{\"amount\":50.00}");
		assertThat(refund.status()).isEqualTo(201);
		assertThat(refund.json().path("settled").asBoolean()).isTrue();
		assertThat(awaitEvent(id, "PurchaseSettled").value()).contains("\"merchantFee\":100.00")
			.contains("\"netFunding\":1150.00")
			.contains("\"refunded\":250.00");
	}

	@Test
	void listsTheNewestPurchasesUpToTheLimitAskedBetweenTwoBusinessDays() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");
		String clerk = this.fixtures.clerk(practice);
		List<String> ids = IntStream.range(0, 4)
			.mapToObj(
					(i) -> this.fixtures.postOnce(PURCHASES, clerk, purchase(line.accountId(), "300.00", "DEFERRED_12"))
						.text("purchaseId"))
			.toList();
		String today = this.fixtures.get(PURCHASES + "/" + ids.get(0), clerk).text("businessDate");
		// made a minute apart, in order; the first one on a business day 40 days back
		for (int i = 0; i < ids.size(); i++) {
			this.jdbc.sql("UPDATE purchase SET created_at = now() - make_interval(mins => :back) WHERE id = :id")
				.param("back", 10 - i)
				.param("id", UUID.fromString(ids.get(i)))
				.update();
		}
		this.jdbc.sql("UPDATE purchase SET business_date = business_date - 40 WHERE id = :id")
			.param("id", UUID.fromString(ids.get(0)))
			.update();
		String last30Days = "?from=" + java.time.LocalDate.parse(today).minusDays(30) + "&to=" + today;

		Response newestTwo = this.fixtures.get(PURCHASES + last30Days + "&limit=2", clerk);
		Response all = this.fixtures.get(PURCHASES + last30Days, clerk);

		assertThat(newestTwo.status()).as(newestTwo.body()).isEqualTo(200);
		assertThat(newestTwo.json().valueStream().map((purchase) -> purchase.path("purchaseId").asString()))
			.containsExactly(ids.get(3), ids.get(2));
		assertThat(all.json().valueStream().map((purchase) -> purchase.path("purchaseId").asString()))
			.containsExactly(ids.get(3), ids.get(2), ids.get(1));
	}

	@Test
	void refusesALimitOutside1To1000() {
		String clerk = this.fixtures.clerk(this.fixtures.practice("DEFERRED_12"));
		for (String limit : List.of("0", "-1", "1001", "ten")) {
			Response refused = this.fixtures.get(PURCHASES + "?limit=" + limit, clerk);
			assertThat(refused.status()).as(limit).isEqualTo(400);
			assertThat(refused.problemType()).as(limit).isEqualTo("invalid-request");
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(
				this.fixtures.get(PURCHASES + "?limit=0", clerk).json().path("errors").get(0).path("field").asString())
			.isEqualTo("limit");
		assertThat(this.fixtures.get(PURCHASES + "?limit=1000", clerk).status()).isEqualTo(200);
	}

	@Test
	void letsOpsSettleADayNowAndNobodyElse() {
		UUID practice = this.fixtures.practice("FIXED_36");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "3000.00");
		Response purchase = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "2000.00", "FIXED_36"));
		String today = purchase.text("businessDate");
		String body = "{\"date\":\"" + today + "\",\"practiceId\":\"" + practice + "\"}";

		Response byPractice = this.fixtures.post("/api/transactions/settlements",
				this.fixtures.practiceUser(practice, "PRACTICE_ADMIN"), body);
		Response bySupport = this.fixtures.post("/api/transactions/settlements", this.fixtures.staff("SUPPORT"), body);
		Response byOps = this.fixtures.post("/api/transactions/settlements", this.fixtures.staff("OPS_ADMIN"), body);

		assertThat(byPractice.status()).isEqualTo(403);
		assertThat(bySupport.status()).isEqualTo(403);
		assertThat(byOps.status()).isEqualTo(200);
		assertThat(byOps.json().path("settled").asInt()).isOne();
		Response settled = this.fixtures.get(PURCHASES + "/" + purchase.text("purchaseId"),
				this.fixtures.clerk(practice));
		assertThat(settled.json().path("merchantFee").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(settled.json().path("netFunding").decimalValue()).isEqualByComparingTo("1900.00");
	}

	@Test
	void fiftyConcurrentPurchasesNeverOverdrawACreditLine() throws Exception {
		UUID practice = this.fixtures.practice("DEFERRED_6");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "1000.00");
		String token = this.fixtures.clerk(practice);
		List<Response> answers;
		try (ExecutorService threads = Executors.newFixedThreadPool(50)) {
			List<Callable<Response>> sends = IntStream.range(0, 50)
				.<Callable<Response>>mapToObj((i) -> () -> this.fixtures.postOnce(PURCHASES, token,
						purchase(line.accountId(), "200.00", "DEFERRED_6")))
				.toList();
			answers = threads.invokeAll(sends).stream().map((future) -> {
				try {
					return future.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}

		assertThat(answers).extracting(Response::status).containsOnly(201);
		assertThat(answers).filteredOn((answer) -> answer.text("status").equals("APPROVED")).hasSize(5);
		assertThat(answers).filteredOn((answer) -> answer.text("status").equals("DECLINED")).hasSize(45);
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("0.00");
		assertThat(this.jdbc.sql("SELECT sum(amount) FROM purchase WHERE account_id = :account AND status = 'APPROVED'")
			.param("account", line.accountId())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("1000.00");
	}

	@Test
	void anotherPracticesPurchasesAndAccountsAreNotFound() {
		UUID mine = this.fixtures.practice("DEFERRED_12");
		UUID theirs = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(mine, "2000.00");
		String id = this.fixtures
			.postOnce(PURCHASES, this.fixtures.clerk(mine), purchase(line.accountId(), "500.00", "DEFERRED_12"))
			.text("purchaseId");

		assertThat(this.fixtures.get(PURCHASES + "/" + id, this.fixtures.clerk(theirs)).status()).isEqualTo(404);
		assertThat(this.fixtures
			.postOnce(PURCHASES + "/" + id + "/refunds", this.fixtures.clerk(theirs), "{\"amount\":10.00}")
			.status()).isEqualTo(404);
		assertThat(this.fixtures.post(PURCHASES + "/" + id + "/void", this.fixtures.clerk(theirs), "").status())
			.isEqualTo(404);
		Response byId = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(theirs),
				purchase(line.accountId(), "500.00", "DEFERRED_12"));
		assertThat(byId.status()).isEqualTo(404);
		assertThat(byId.problemType()).isEqualTo("not-found");
		assertThat(this.fixtures.get(PURCHASES + "?accountId=" + line.accountId(), this.fixtures.clerk(theirs))
			.json()
			.size()).isZero();
		assertThat(this.fixtures.get(PURCHASES + "?accountId=" + line.accountId(), this.fixtures.clerk(mine))
			.json()
			.size()).isOne();
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("1500.00");
	}

	@Test
	void aPatientBuysAtASecondPracticeByAccountNumberWhichThenKnowsTheAccount() {
		UUID first = this.fixtures.practice("DEFERRED_12");
		UUID second = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(first, "2000.00");
		String number = this.fixtures.accountNumber(line.accountId());

		Response unknownNumber = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(second),
				"{\"accountNumber\":\"6019000000000006\",\"amount\":300.00,\"promotionCode\":\"DEFERRED_12\"}");
		Response byNumber = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(second),
				"{\"accountNumber\":\"" + number + "\",\"amount\":300.00,\"promotionCode\":\"DEFERRED_12\"}");
		Response byId = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(second),
				purchase(line.accountId(), "300.00", "DEFERRED_12"));

		assertThat(unknownNumber.status()).isEqualTo(404);
		assertThat(byNumber.status()).isEqualTo(201);
		assertThat(byNumber.text("status")).isEqualTo("APPROVED");
		assertThat(byNumber.text("accountId")).isEqualTo(line.accountId().toString());
		assertThat(byNumber.body()).doesNotContain(number);
		assertThat(byId.status()).isEqualTo(201);
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("1400.00");
	}

	@Test
	void aPracticeThatDoesNotKnowAnAccountGetsTheSameAnswerForADeclineAsForAnUnknownNumber() {
		UUID first = this.fixtures.practice("DEFERRED_12");
		UUID second = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(first, "500.00");
		String number = this.fixtures.accountNumber(line.accountId());
		String clerk = this.fixtures.clerk(second);

		Response unknown = this.fixtures.postOnce(PURCHASES, clerk,
				"{\"accountNumber\":\"6019000000000006\",\"amount\":600.00,\"promotionCode\":\"DEFERRED_12\"}");
		Response overLimit = this.fixtures.postOnce(PURCHASES, clerk,
				"{\"accountNumber\":\"" + number + "\",\"amount\":600.00,\"promotionCode\":\"DEFERRED_12\"}");
		Response unknownOtherPlan = this.fixtures.postOnce(PURCHASES, clerk,
				"{\"accountNumber\":\"6019000000000006\",\"amount\":600.00,\"promotionCode\":\"FIXED_60\"}");
		Response knownOtherPlan = this.fixtures.postOnce(PURCHASES, clerk,
				"{\"accountNumber\":\"" + number + "\",\"amount\":600.00,\"promotionCode\":\"FIXED_60\"}");

		assertThat(overLimit.status()).isEqualTo(unknown.status()).isEqualTo(404);
		assertThat(overLimit.problemType()).isEqualTo(unknown.problemType());
		assertThat(overLimit.json().path("detail")).isEqualTo(unknown.json().path("detail"));
		assertThat(knownOtherPlan.status()).isEqualTo(unknownOtherPlan.status()).isEqualTo(422);
		assertThat(knownOtherPlan.body()).isEqualTo(unknownOtherPlan.body());
		assertThat(purchasesOf(line.accountId())).isZero();
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("500.00");
		// the practice that knows the account still gets the recorded decline and its
		// reason
		Response declined = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(first),
				"{\"accountNumber\":\"" + number + "\",\"amount\":600.00,\"promotionCode\":\"DEFERRED_12\"}");
		assertThat(declined.status()).isEqualTo(201);
		assertThat(declined.text("declineReason")).isEqualTo("INSUFFICIENT_OPEN_TO_BUY");
	}

	@Test
	void deductsThePaymentsAPracticeCollectedFromItsSettlementButNotThoseSupportPosted() {
		UUID practice = this.fixtures.practice("DEFERRED_18");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "3000.00");
		this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				purchase(line.accountId(), "1500.00", "DEFERRED_18"));
		java.time.LocalDate day = java.time.LocalDate.ofInstant(this.clock.instant(),
				java.time.ZoneId.of("America/New_York"));
		postPayment(line, practice, "200.00");
		postPayment(line, null, "75.00");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> openToBuy(line.accountId()).compareTo(new BigDecimal("1775.00")) == 0);

		this.clock.advance(Duration.ofDays(1));
		this.settlement.settleEndedDays();

		String reports = this.fixtures.practiceUser(practice, "PRACTICE_USER", "VIEW_REPORTS");
		Response statement = this.fixtures.get("/api/transactions/settlements?from=" + day + "&to=" + day, reports);
		assertThat(statement.status()).as(statement.body()).isEqualTo(200);
		assertThat(statement.json().size()).isOne();
		assertThat(statement.json().path(0).path("settledAmount").decimalValue()).isEqualByComparingTo("1500.00");
		assertThat(statement.json().path(0).path("merchantFees").decimalValue()).isEqualByComparingTo("120.00");
		assertThat(statement.json().path(0).path("paymentsCollected").decimalValue()).isEqualByComparingTo("200.00");
		assertThat(statement.json().path(0).path("netFunding").decimalValue()).isEqualByComparingTo("1180.00");
		assertThat(this.fixtures
			.get("/api/transactions/settlements?from=" + day + "&to=" + day, this.fixtures.clerk(practice))
			.status()).isEqualTo(403);
		// settled once: a second run deducts nothing more
		this.settlement.settleEndedDays();
		assertThat(this.fixtures.get("/api/transactions/settlements?from=" + day + "&to=" + day, reports)
			.json()
			.path(0)
			.path("paymentsCollected")
			.decimalValue()).isEqualByComparingTo("200.00");
	}

	private void postPayment(OpenedCreditLine line, @org.jspecify.annotations.Nullable UUID practice, String amount) {
		KafkaTestClient.send(PaymentEvent.TOPIC, line.accountId().toString(), """
				{"type":"PaymentPosted","eventId":"%s","occurredAt":"%s","paymentId":"%s","accountId":"%s",
				 "accountLast4":"%s","amount":%s,"practiceId":%s}
				""".formatted(UUID.randomUUID(), this.clock.instant(), UUID.randomUUID(), line.accountId(),
				line.accountLast4(), amount, (practice != null) ? "\"" + practice + "\"" : "null"));
	}

	private static String withDisclosure(String purchase, String version) {
		return purchase.substring(0, purchase.length() - 1) + ",\"disclosureVersion\":\"" + version + "\"}";
	}

	private ConsumerRecord<String, String> awaitEvent(String id, String type) {
		return KafkaTestClient.awaitRecord(PurchaseEvent.TOPIC,
				(record) -> record.value().contains(id) && record.value().contains("\"type\":\"" + type + "\""),
				Duration.ofSeconds(20));
	}

	private BigDecimal openToBuy(UUID account) {
		return this.jdbc.sql("SELECT open_to_buy FROM credit_line WHERE account_id = :account")
			.param("account", account)
			.query(BigDecimal.class)
			.single();
	}

	private int purchasesOf(UUID account) {
		return this.jdbc.sql("SELECT count(*) FROM purchase WHERE account_id = :account")
			.param("account", account)
			.query(Integer.class)
			.single();
	}

}
