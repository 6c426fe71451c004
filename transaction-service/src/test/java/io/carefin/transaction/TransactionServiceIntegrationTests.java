package io.carefin.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.transaction.PlanTerms;
import io.carefin.contracts.transaction.PurchaseApproved;
import io.carefin.testsupport.IdempotencyContract;
import io.carefin.testsupport.InboxContract;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.OutboxContract;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;
import io.carefin.testsupport.TrustContract;
import io.carefin.transaction.creditline.CreditLines;
import io.carefin.transaction.promotion.Promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class TransactionServiceIntegrationTests implements TrustContract, OutboxContract, InboxContract, IdempotencyContract {

	private static final BigDecimal OPEN_TO_BUY = new BigDecimal("500.00");

	private static final BigDecimal PAYMENT = new BigDecimal("100.00");

	private final Map<UUID, UUID> accountOfPayment = new ConcurrentHashMap<>();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CreditLines creditLines;

	@Autowired
	Promotions promotions;

	@Override
	public IdempotentRequest moneyMovingRequest() {
		UUID practice = UUID.randomUUID();
		this.promotions.enable(practice, "DEFERRED_12");
		UUID account = this.creditLines.open(practice, new BigDecimal("5000.00")).accountId();
		String body = """
				{"accountId":"%s","amount":1200.00,"promotionCode":"DEFERRED_12"}""".formatted(account);
		String differentBody = """
				{"accountId":"%s","amount":1300.00,"promotionCode":"DEFERRED_12"}""".formatted(account);
		return new IdempotentRequest("/api/transactions/purchases",
				TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES"), body,
				differentBody, account);
	}

	@Override
	public int timesApplied(IdempotentRequest request) {
		return this.jdbc.sql("SELECT count(*) FROM purchase WHERE account_id = :account")
			.param("account", request.subject())
			.query(Integer.class)
			.single();
	}

	@Override
	public String protectedPath() {
		return "/api/transactions/purchases/" + UUID.randomUUID() + "/wiring-check";
	}

	@Override
	public DomainEvent newEvent() {
		return new PurchaseApproved(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
				"Bright Smiles Dental", UUID.randomUUID(), "4242", new BigDecimal("1250.00"),
				new PlanTerms("DEFERRED_12", "DEFERRED_INTEREST", 12, new BigDecimal("0.00"), new BigDecimal("26.99")),
				"A1B2C3");
	}

	@Override
	public String topic() {
		return PaymentEvent.TOPIC;
	}

	@Override
	public String eventJson(UUID eventId) {
		UUID account = openCreditLine(new BigDecimal("1000.00"), OPEN_TO_BUY);
		this.accountOfPayment.put(eventId, account);
		return paymentJson(eventId, account, PAYMENT);
	}

	@Override
	public int timesApplied(UUID eventId) {
		return openToBuy(this.accountOfPayment.get(eventId)).subtract(OPEN_TO_BUY)
			.divideToIntegralValue(PAYMENT)
			.intValueExact();
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aPaymentNeverRaisesOpenToBuyAboveTheLimit() {
		UUID account = openCreditLine(new BigDecimal("1000.00"), new BigDecimal("950.00"));
		UUID event = UUID.randomUUID();
		KafkaTestClient.send(PaymentEvent.TOPIC, account.toString(), paymentJson(event, account, PAYMENT));

		await().until(() -> openToBuy(account).compareTo(new BigDecimal("950.00")) != 0);
		assertThat(openToBuy(account)).isEqualByComparingTo("1000.00");
	}

	private UUID openCreditLine(BigDecimal limit, BigDecimal openToBuy) {
		UUID account = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO credit_line (account_id, practice_id, credit_limit, open_to_buy)
				VALUES (:account, :practice, :limit, :openToBuy)
				""")
			.param("account", account)
			.param("practice", UUID.randomUUID())
			.param("limit", limit)
			.param("openToBuy", openToBuy)
			.update();
		return account;
	}

	private BigDecimal openToBuy(UUID account) {
		return this.jdbc.sql("SELECT open_to_buy FROM credit_line WHERE account_id = :account")
			.param("account", account)
			.query(BigDecimal.class)
			.single();
	}

	private static String paymentJson(UUID eventId, UUID account, BigDecimal amount) {
		return """
				{"type":"PaymentPosted","eventId":"%s","occurredAt":"2026-12-01T09:00:00Z","paymentId":"%s",
				 "accountId":"%s","amount":%s}
				""".formatted(eventId, UUID.randomUUID(), account, amount.toPlainString());
	}

}
