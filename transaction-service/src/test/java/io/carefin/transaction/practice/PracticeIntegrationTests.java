package io.carefin.transaction.practice;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.auth.PracticeEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.transaction.TransactionFixtures;
import io.carefin.transaction.TransactionFixtures.Response;
import io.carefin.transaction.TransactionServiceTest;
import io.carefin.transaction.creditline.OpenedCreditLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Practices as auth-service announces them on {@value PracticeEvent#TOPIC}, against real
 * PostgreSQL and Kafka: each event applied once, a closed practice refused new purchases
 * and applications while its refunds, voids and reads keep working, and ops choosing a
 * practice's plans.
 */
@TransactionServiceTest
class PracticeIntegrationTests {

	private static final String PURCHASES = "/api/transactions/purchases";

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Practices practices;

	@Test
	void keepsAPracticeFromItsEventsEachOnceAndAClosedOneStaysClosed() {
		UUID practice = UUID.randomUUID();
		UUID enrolment = UUID.randomUUID();
		send(enrolled(enrolment, practice, "Bright Smiles Dental"));
		send(changed(UUID.randomUUID(), practice, "Bright Smiles Dental & Ortho", "America/Chicago"));
		send(enrolled(enrolment, practice, "A redelivered enrolment"));
		send(closed(UUID.randomUUID(), practice));
		send(changed(UUID.randomUUID(), practice, "Renamed after closing", "America/Denver"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.practices.find(practice)
				.filter((found) -> "Renamed after closing".equals(found.name()))
				.isPresent());
		Practice found = this.practices.find(practice).orElseThrow();
		assertThat(found.isClosed()).isTrue();
		assertThat(found.closedAt()).isNotNull();
		assertThat(found.practiceCode()).isEqualTo("BSD" + practice.toString().substring(0, 4).toUpperCase());
		assertThat(found.merchantId()).isEqualTo("MID-0042");
		assertThat(found.timeZone()).isEqualTo("America/Denver");
		assertThat(this.jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
			.param("id", enrolment)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aClosedPracticeTakesNoNewPurchaseOrApplicationButRefundsVoidsAndReadsItsOwn() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");
		String clerk = this.fixtures.clerk(practice);
		String first = this.fixtures
			.postOnce(PURCHASES, clerk, TransactionFixtures.purchase(line.accountId(), "1000.00", "DEFERRED_12"))
			.text("purchaseId");
		String second = this.fixtures
			.postOnce(PURCHASES, clerk, TransactionFixtures.purchase(line.accountId(), "500.00", "DEFERRED_12"))
			.text("purchaseId");
		send(enrolled(UUID.randomUUID(), practice, "Closing Clinic"));
		send(closed(UUID.randomUUID(), practice));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.practices.find(practice).map(Practice::isClosed).orElse(false));

		Response purchase = this.fixtures.postOnce(PURCHASES, clerk,
				TransactionFixtures.purchase(line.accountId(), "300.00", "DEFERRED_12"));
		assertThat(purchase.status()).as(purchase.body()).isEqualTo(409);
		assertThat(purchase.problemType()).isEqualTo("practice-closed");
		assertThat(purchase.text("detail")).contains("This practice is closed");
		Response application = this.fixtures.post("/api/transactions/applications", clerk,
				"""
						{"firstName":"Ada","lastName":"Lovelace","dateOfBirth":"1980-05-17","ssn":"611-00-0450",
						 "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
						 "email":"ada@example.com","mobile":"+15555550100","annualIncome":90000.00,"monthlyHousingPayment":1000.00,
						 "requestedAmount":5000.00,"keyedBy":"STAFF"}
						""");
		assertThat(application.status()).as(application.body()).isEqualTo(409);
		assertThat(application.problemType()).isEqualTo("practice-closed");
		assertThat(count("SELECT count(*) FROM purchase WHERE practice_id = :practice", practice)).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM credit_application WHERE practice_id = :practice", practice)).isZero();
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("3500.00");

		Response refund = this.fixtures.postOnce(PURCHASES + "/" + first + "/refunds", clerk, "{\"amount\":200.00}");
		assertThat(refund.status()).as(refund.body()).isEqualTo(201);
		Response voided = this.fixtures.post(PURCHASES + "/" + second + "/void", clerk, "");
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(openToBuy(line.accountId())).isEqualByComparingTo("4200.00");
		Response history = this.fixtures.get(PURCHASES + "?accountId=" + line.accountId(), clerk);
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.body()).contains(first).contains(second);
	}

	@Test
	void aPracticeNotAnnouncedYetIsOpen() {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "5000.00");

		Response purchase = this.fixtures.postOnce(PURCHASES, this.fixtures.clerk(practice),
				TransactionFixtures.purchase(line.accountId(), "300.00", "DEFERRED_12"));

		assertThat(this.practices.find(practice)).isEmpty();
		assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
	}

	@Test
	void opsChooseExactlyThePlansAPracticeOffers() {
		UUID practice = this.fixtures.practice("DEFERRED_12", "FIXED_36");
		String path = "/api/transactions/admin/practices/" + practice + "/promotions";
		String ops = this.fixtures.staff("OPS_ADMIN");

		Response before = this.fixtures.get(path, ops);
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.text("practiceId")).isEqualTo(practice.toString());
		assertThat(enabled(before)).containsExactlyInAnyOrder("DEFERRED_12", "FIXED_36");
		assertThat(before.json().path("plans").size()).isGreaterThanOrEqualTo(8);
		assertThat(before.json().path("plans").get(0).has("apr")).isTrue();

		Response chosen = this.fixtures.put(path, ops, "{\"codes\":[\"DEFERRED_6\",\"FIXED_24\",\"DEFERRED_6\"]}");
		assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
		assertThat(enabled(chosen)).containsExactlyInAnyOrder("DEFERRED_6", "FIXED_24");
		assertThat(this.fixtures.get("/api/transactions/promotions", this.fixtures.clerk(practice))
			.json()
			.valueStream()
			.map((plan) -> plan.path("code").asString())
			.toList()).containsExactlyInAnyOrder("DEFERRED_6", "FIXED_24");

		Response unknown = this.fixtures.put(path, ops, "{\"codes\":[\"DEFERRED_12\",\"DEFERRED_99\"]}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("invalid-request");
		assertThat(unknown.body()).contains("DEFERRED_99");
		assertThat(enabled(this.fixtures.get(path, ops))).containsExactlyInAnyOrder("DEFERRED_6", "FIXED_24");
		assertThat(this.fixtures.put(path, ops, "{}").status()).isEqualTo(400);
		assertThat(this.fixtures.put(path, this.fixtures.admin(practice), "{\"codes\":[]}").status()).isEqualTo(403);

		assertThat(enabled(this.fixtures.put(path, ops, "{\"codes\":[]}"))).isEmpty();
	}

	private static List<String> enabled(Response response) {
		return response.json()
			.path("plans")
			.valueStream()
			.filter((plan) -> plan.path("enabled").asBoolean())
			.map((plan) -> plan.path("code").asString())
			.toList();
	}

	private int count(String sql, UUID practice) {
		return this.jdbc.sql(sql).param("practice", practice).query(Integer.class).single();
	}

	private BigDecimal openToBuy(UUID account) {
		return this.jdbc.sql("SELECT open_to_buy FROM credit_line WHERE account_id = :account")
			.param("account", account)
			.query(BigDecimal.class)
			.single();
	}

	private static void send(String json) {
		String practice = json.replaceAll("(?s).*\"practiceId\":\"([^\"]+)\".*", "$1");
		KafkaTestClient.send(PracticeEvent.TOPIC, practice, json);
	}

	private static String enrolled(UUID eventId, UUID practice, String name) {
		return """
				{"type":"PracticeEnrolled","eventId":"%s","occurredAt":"2026-12-01T09:00:00Z","practiceId":"%s",
				 "name":"%s","practiceCode":"BSD%s","merchantId":"MID-0042","timeZone":"America/New_York"}
				""".formatted(eventId, practice, name, practice.toString().substring(0, 4).toUpperCase());
	}

	private static String changed(UUID eventId, UUID practice, String name, String zone) {
		return """
				{"type":"PracticeChanged","eventId":"%s","occurredAt":"2026-12-02T09:00:00Z","practiceId":"%s",
				 "name":"%s","practiceCode":"BSD%s","merchantId":"MID-0042","timeZone":"%s"}
				""".formatted(eventId, practice, name, practice.toString().substring(0, 4).toUpperCase(), zone);
	}

	private static String closed(UUID eventId, UUID practice) {
		return """
				{"type":"PracticeClosed","eventId":"%s","occurredAt":"2026-12-03T09:00:00Z","practiceId":"%s",
				 "reason":"The practice asked to leave the programme"}
				""".formatted(eventId, practice);
	}

}
