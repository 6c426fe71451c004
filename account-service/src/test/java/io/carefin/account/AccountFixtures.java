package io.carefin.account;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.KafkaTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Accounts and purchases for tests, made the way transaction-service makes them: by
 * sending its events and waiting until the service has applied them.
 */
final class AccountFixtures {

	/**
	 * The test key (src/test/resources/application.properties) transaction-service would
	 * share.
	 */
	static final String LOOKUP_KEY = "Y2FyZWZpbi10ZXN0LWxvb2t1cC1rZXktMzItYnl0ZXMh";

	static final String DEFERRED_12 = """
			{"code":"DEFERRED_12","kind":"DEFERRED_INTEREST","months":12,"apr":0.00,"standardApr":26.99}""";

	static final String DEFERRED_6 = """
			{"code":"DEFERRED_6","kind":"DEFERRED_INTEREST","months":6,"apr":0.00,"standardApr":26.99}""";

	static final String FIXED_24 = """
			{"code":"FIXED_24","kind":"REDUCED_APR","months":24,"apr":14.90,"standardApr":26.99}""";

	static final String FIXED_60 = """
			{"code":"FIXED_60","kind":"REDUCED_APR","months":60,"apr":17.90,"standardApr":26.99}""";

	private AccountFixtures() {
	}

	/**
	 * Opens an account at a practice through an {@code ApplicationApproved} event.
	 */
	static Opened open(JdbcClient jdbc, UUID practiceId, String lastName, LocalDate dateOfBirth) {
		UUID accountId = UUID.randomUUID();
		String number = "6019" + "%012d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
		KafkaTestClient.send(ApplicationEvent.TOPIC, UUID.randomUUID().toString(),
				approval(UUID.randomUUID(), practiceId, accountId, number, lastName, dateOfBirth, "50000.00"));
		await().pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql("SELECT count(*) FROM account WHERE id = :id")
				.param("id", accountId)
				.query(Integer.class)
				.single() == 1);
		return new Opened(accountId, practiceId, number, lastName, dateOfBirth);
	}

	/**
	 * An approval as transaction-service wrote it before {@code existingAccount}: without
	 * the field.
	 */
	static String approval(UUID eventId, UUID practiceId, UUID accountId, String number, String lastName,
			LocalDate dateOfBirth, String limit) {
		return """
				{"type":"ApplicationApproved","eventId":"%s","occurredAt":"%s","applicationId":"%s",
				 "practiceId":"%s","practiceName":"Bright Smiles Dental","submittedAt":"%s","keyedBy":"STAFF",
				 "requestedAmount":4000.00,"reviewed":false,
				 "patient":{"firstName":"Maria","lastName":"%s","email":"maria@example.com","mobile":"+15555550188"},
				 "dateOfBirth":"%s",
				 "address":{"line1":"12 Elm Street","line2":null,"city":"Springfield","state":"IL","postalCode":"62704"},
				 "accountId":"%s","accountLast4":"%s","accountNumberHash":"%s","creditLimit":%s}
				"""
			.formatted(eventId, Instant.now(), UUID.randomUUID(), practiceId, Instant.now(), lastName, dateOfBirth,
					accountId, number.substring(12), hash(number), limit);
	}

	/**
	 * Another practice's approval on the account the patient already holds, with the
	 * contact and address that practice keyed in.
	 */
	static String approvalOnExistingAccount(UUID eventId, UUID practiceId, Opened account, String limit) {
		return """
				{"type":"ApplicationApproved","eventId":"%s","occurredAt":"%s","applicationId":"%s",
				 "practiceId":"%s","practiceName":"Lakeside Family Clinic","submittedAt":"%s","keyedBy":"PATIENT",
				 "requestedAmount":1500.00,"reviewed":false,
				 "patient":{"firstName":"Maria","lastName":"%s","email":"m.new@example.com","mobile":null},
				 "dateOfBirth":"%s",
				 "address":{"line1":"9 Lake Road","line2":null,"city":"Lakeside","state":"WI","postalCode":"53001"},
				 "accountId":"%s","accountLast4":"%s","accountNumberHash":"%s","creditLimit":%s,
				 "existingAccount":true}
				""".formatted(eventId, Instant.now(), UUID.randomUUID(), practiceId, Instant.now(), account.lastName(),
				account.dateOfBirth(), account.accountId(), account.accountNumber().substring(12),
				hash(account.accountNumber()), limit);
	}

	/**
	 * A new credit line's opening facts, as transaction-service writes them now: the only
	 * event with the date of birth and address.
	 */
	static String creditLineOpened(UUID eventId, UUID practiceId, UUID accountId, String number, String lastName,
			LocalDate dateOfBirth, String limit) {
		return """
				{"type":"CreditLineOpened","eventId":"%s","occurredAt":"%s","accountId":"%s","applicationId":"%s",
				 "practiceId":"%s","practiceName":"Bright Smiles Dental",
				 "patient":{"firstName":"Maria","lastName":"%s","email":"maria@example.com","mobile":"+15555550188"},
				 "dateOfBirth":"%s",
				 "address":{"line1":"12 Elm Street","line2":null,"city":"Springfield","state":"IL","postalCode":"62704"},
				 "accountLast4":"%s","accountNumberHash":"%s","creditLimit":%s}
				"""
			.formatted(eventId, Instant.now(), accountId, UUID.randomUUID(), practiceId, lastName, dateOfBirth,
					number.substring(12), hash(number), limit);
	}

	/**
	 * An approval as transaction-service writes it now: without the date of birth and
	 * address.
	 */
	static String slimApproval(UUID eventId, UUID practiceId, UUID accountId, String number, String limit) {
		return """
				{"type":"ApplicationApproved","eventId":"%s","occurredAt":"%s","applicationId":"%s",
				 "practiceId":"%s","practiceName":"Bright Smiles Dental","submittedAt":"%s","keyedBy":"STAFF",
				 "requestedAmount":4000.00,"reviewed":false,
				 "patient":{"firstName":"Maria","lastName":"Roy","email":"maria@example.com","mobile":"+15555550188"},
				 "accountId":"%s","accountLast4":"%s","accountNumberHash":"%s","creditLimit":%s,
				 "existingAccount":false}
				""".formatted(eventId, Instant.now(), UUID.randomUUID(), practiceId, Instant.now(), accountId,
				number.substring(12), hash(number), limit);
	}

	/**
	 * Sends a purchase without waiting for it.
	 */
	static UUID sendPurchase(UUID eventId, UUID accountId, UUID practiceId, String amount, String plan) {
		UUID purchaseId = UUID.randomUUID();
		KafkaTestClient.send(PurchaseEvent.TOPIC, accountId.toString(),
				purchaseJson(eventId, purchaseId, accountId, practiceId, amount, plan));
		return purchaseId;
	}

	static String purchaseJson(UUID eventId, UUID purchaseId, UUID accountId, UUID practiceId, String amount,
			String plan) {
		return purchaseJson(eventId, purchaseId, accountId, practiceId, amount, plan, Instant.now());
	}

	static String purchaseJson(UUID eventId, UUID purchaseId, UUID accountId, UUID practiceId, String amount,
			String plan, Instant occurredAt) {
		return """
				{"type":"PurchaseApproved","eventId":"%s","occurredAt":"%s","purchaseId":"%s","practiceId":"%s",
				 "practiceName":"Bright Smiles Dental","accountId":"%s","accountLast4":"4242","amount":%s,
				 "plan":%s,"authorizationCode":"A1B2C3"}
				""".formatted(eventId, occurredAt, purchaseId, practiceId, accountId, amount, plan);
	}

	/**
	 * Buys on an account and waits until the purchase is on its ledger.
	 */
	static UUID purchase(JdbcClient jdbc, Opened account, String amount, String plan) {
		UUID eventId = UUID.randomUUID();
		UUID purchaseId = sendPurchase(eventId, account.accountId(), account.practiceId(), amount, plan);
		awaitApplied(jdbc, eventId);
		return purchaseId;
	}

	/**
	 * Buys on an account at noon, New York time, of a past business day (so that its
	 * promotion ends that much sooner), and waits until the purchase is on its ledger.
	 */
	static UUID purchaseOn(JdbcClient jdbc, Opened account, LocalDate day, String amount, String plan) {
		UUID eventId = UUID.randomUUID();
		UUID purchaseId = UUID.randomUUID();
		KafkaTestClient.send(PurchaseEvent.TOPIC, account.accountId().toString(),
				purchaseJson(eventId, purchaseId, account.accountId(), account.practiceId(), amount, plan,
						day.atTime(12, 0).atZone(java.time.ZoneId.of("America/New_York")).toInstant()));
		awaitApplied(jdbc, eventId);
		return purchaseId;
	}

	static void sendRefund(UUID eventId, Opened account, UUID purchaseId, String amount) {
		KafkaTestClient.send(PurchaseEvent.TOPIC, account.accountId().toString(), """
				{"type":"RefundIssued","eventId":"%s","occurredAt":"%s","refundId":"%s","purchaseId":"%s",
				 "practiceId":"%s","practiceName":"Bright Smiles Dental","accountId":"%s","accountLast4":"4242",
				 "amount":%s,"promotionCode":"DEFERRED_12","settled":false}
				""".formatted(eventId, Instant.now(), UUID.randomUUID(), purchaseId, account.practiceId(),
				account.accountId(), amount));
	}

	static void sendVoid(UUID eventId, Opened account, UUID purchaseId, String amount) {
		KafkaTestClient.send(PurchaseEvent.TOPIC, account.accountId().toString(), """
				{"type":"PurchaseVoided","eventId":"%s","occurredAt":"%s","purchaseId":"%s","practiceId":"%s",
				 "practiceName":"Bright Smiles Dental","accountId":"%s","accountLast4":"4242","amount":%s,
				 "promotionCode":"DEFERRED_12"}
				""".formatted(eventId, Instant.now(), purchaseId, account.practiceId(), account.accountId(), amount));
	}

	static void awaitApplied(JdbcClient jdbc, UUID eventId) {
		await().pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
				.param("id", eventId)
				.query(Integer.class)
				.single() == 1);
	}

	static BigDecimal balance(JdbcClient jdbc, UUID accountId) {
		return jdbc.sql("SELECT balance FROM account WHERE id = :id")
			.param("id", accountId)
			.query(BigDecimal.class)
			.single();
	}

	static BigDecimal remaining(JdbcClient jdbc, UUID purchaseId) {
		return jdbc.sql("SELECT remaining FROM promotion_balance WHERE purchase_id = :id")
			.param("id", purchaseId)
			.query(BigDecimal.class)
			.single();
	}

	static String hash(String digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(java.util.Base64.getDecoder().decode(LOOKUP_KEY), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An account opened for a test.
	 */
	record Opened(UUID accountId, UUID practiceId, String accountNumber, String lastName, LocalDate dateOfBirth) {

	}

}
