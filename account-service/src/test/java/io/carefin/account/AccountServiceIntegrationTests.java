package io.carefin.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TrustContract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class AccountServiceIntegrationTests implements TrustContract {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Override
	public RestTestClient http() {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Override
	public String protectedPath() {
		return "/api/accounts/" + UUID.randomUUID() + "/wiring-check";
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		List<String> applied = this.jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY 1")
			.query(String.class)
			.list();
		assertThat(applied).contains("1");
		assertThat(tableExists("event_publication")).isTrue();
		assertThat(tableExists("processed_event")).isTrue();
	}

	@Test
	void publishesAnEventCommittedWithItsTransactionToKafkaKeyedByAggregate() {
		PaymentPosted payment = payment();
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(payment));

		ConsumerRecord<String, String> record = awaitRecord(PaymentEvent.TOPIC, payment.eventId());
		assertThat(record.key()).isEqualTo(payment.accountId().toString());
		assertThat(record.value()).contains("\"type\":\"PaymentPosted\"").contains("\"amount\":104.17");
		for (Header header : record.headers()) {
			assertThat(new String(header.value(), UTF_8)).as(header.key()).doesNotContain("io.carefin");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> publicationCompleted(payment.eventId()));
	}

	@Test
	void neverPublishesAnEventWhoseTransactionRolledBack() {
		PaymentPosted rolledBack = payment();
		PaymentPosted committed = payment();
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(rolledBack);
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(committed));

		awaitRecord(PaymentEvent.TOPIC, committed.eventId());
		assertThat(KafkaTestClient.read(PaymentEvent.TOPIC, 0, Duration.ofSeconds(1)))
			.noneMatch((record) -> record.value().contains(rolledBack.eventId().toString()));
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
			.param("id", "%" + rolledBack.eventId() + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void appliesAPurchaseDeliveredTwiceOnce() {
		UUID account = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		KafkaTestClient.send(PurchaseEvent.TOPIC, UUID.randomUUID().toString(), purchaseJson(first, account, "250.00"));
		KafkaTestClient.send(PurchaseEvent.TOPIC, UUID.randomUUID().toString(), purchaseJson(first, account, "250.00"));
		KafkaTestClient.send(PurchaseEvent.TOPIC, UUID.randomUUID().toString(), purchaseJson(second, account, "99.99"));

		await().atMost(Duration.ofSeconds(20)).until(() -> processed(second));
		assertThat(this.jdbc.sql("SELECT count(*) FROM ledger_entry WHERE source_event_id = :id")
			.param("id", first)
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("SELECT sum(amount) FROM ledger_entry WHERE account_id = :account")
			.param("account", account)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("349.99");
	}

	@Test
	void parksARecordItCannotReadOnTheDeadLetterTopic() {
		String key = UUID.randomUUID().toString();
		KafkaTestClient.send(PurchaseEvent.TOPIC, key, "{\"type\":\"PurchaseApproved\",\"amount\":\"not money\"}");

		List<ConsumerRecord<String, String>> parked = KafkaTestClient.read(PurchaseEvent.TOPIC + ".DLT", 1,
				Duration.ofSeconds(30));
		assertThat(parked).anyMatch((record) -> key.equals(record.key()) && record.value().contains("not money"));
	}

	@Test
	void neverChangesOrRemovesALedgerEntry() {
		UUID event = UUID.randomUUID();
		KafkaTestClient.send(PurchaseEvent.TOPIC, UUID.randomUUID().toString(),
				purchaseJson(event, UUID.randomUUID(), "500.00"));
		await().atMost(Duration.ofSeconds(20)).until(() -> processed(event));

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE ledger_entry SET amount = 0 WHERE source_event_id = :id")
				.param("id", event)
				.update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM ledger_entry WHERE source_event_id = :id")
				.param("id", event)
				.update());
	}

	private ConsumerRecord<String, String> awaitRecord(String topic, UUID eventId) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> KafkaTestClient.read(topic, 1, Duration.ofSeconds(1))
				.stream()
				.filter((record) -> record.value().contains(eventId.toString()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private boolean tableExists(String table) {
		return this.jdbc.sql("SELECT to_regclass(:table) IS NOT NULL")
			.param("table", table)
			.query(Boolean.class)
			.single();
	}

	private boolean publicationCompleted(UUID eventId) {
		return this.jdbc.sql(
				"SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id AND completion_date IS NOT NULL")
			.param("id", "%" + eventId + "%")
			.query(Integer.class)
			.single() == 1;
	}

	private boolean processed(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single() == 1;
	}

	private static PaymentPosted payment() {
		return new PaymentPosted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
				new BigDecimal("104.17"));
	}

	private static String purchaseJson(UUID eventId, UUID accountId, String amount) {
		return """
				{"type":"PurchaseApproved","eventId":"%s","occurredAt":"2026-11-23T15:30:00Z","purchaseId":"%s",
				 "practiceId":"%s","accountId":"%s","amount":%s,"promotionCode":"DEFERRED_12"}
				""".formatted(eventId, UUID.randomUUID(), UUID.randomUUID(), accountId, amount);
	}

}
