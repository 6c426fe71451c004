package io.carefin.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.InboxContract;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.OutboxContract;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class AccountServiceIntegrationTests implements TrustContract, OutboxContract, InboxContract {

	@Autowired
	JdbcClient jdbc;

	@Override
	public String protectedPath() {
		return "/api/accounts/" + UUID.randomUUID() + "/wiring-check";
	}

	@Override
	public DomainEvent newEvent() {
		return new PaymentPosted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "4242",
				new BigDecimal("104.17"), null);
	}

	@Override
	public String topic() {
		return PurchaseEvent.TOPIC;
	}

	@Override
	public String eventJson(UUID eventId) {
		return """
				{"type":"PurchaseApproved","eventId":"%s","occurredAt":"2026-11-23T15:30:00Z","purchaseId":"%s",
				 "practiceId":"%s","accountId":"%s","amount":250.00,"promotionCode":"DEFERRED_12"}
				""".formatted(eventId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
	}

	@Override
	public int timesApplied(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_entry WHERE source_event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		List<String> applied = this.jdbc.sql("SELECT version FROM flyway_schema_history WHERE success")
			.query(String.class)
			.list();
		assertThat(applied).contains("1");
		assertThat(this.jdbc.sql("SELECT to_regclass('ledger_entry') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void postsAPurchaseToTheAccountsLedger() {
		UUID account = UUID.randomUUID();
		UUID event = UUID.randomUUID();
		KafkaTestClient.send(PurchaseEvent.TOPIC, account.toString(), """
				{"type":"PurchaseApproved","eventId":"%s","occurredAt":"2026-11-23T15:30:00Z","purchaseId":"%s",
				 "practiceId":"%s","accountId":"%s","amount":1250.00,"promotionCode":"DEFERRED_12"}
				""".formatted(event, UUID.randomUUID(), UUID.randomUUID(), account));

		await().until(() -> timesApplied(event) == 1);
		assertThat(this.jdbc.sql("SELECT kind, amount FROM ledger_entry WHERE account_id = :account")
			.param("account", account)
			.query((row, i) -> row.getString("kind") + " " + row.getBigDecimal("amount"))
			.single()).isEqualTo("PURCHASE 1250.00");
	}

	@Test
	void neverChangesOrRemovesALedgerEntry() {
		this.jdbc.sql("""
				INSERT INTO ledger_entry (id, account_id, kind, amount, occurred_at, recorded_at)
				VALUES (:id, :id, 'ADJUSTMENT', 1.00, now(), now())
				""").param("id", UUID.randomUUID()).update();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE ledger_entry SET amount = 0").update())
			.withMessageContaining("append a reversal");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM ledger_entry").update());
	}

}
