package io.carefin.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.testsupport.IdempotencyContract;
import io.carefin.testsupport.InboxContract;
import io.carefin.testsupport.OutboxContract;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ServiceIntegrationTest
/**
 * The platform's wiring contracts: token trust, the outbox, the inbox on
 * {@code transaction.applications}, {@code Idempotency-Key} on payments; and the ledger's
 * schema.
 */
class AccountServiceIntegrationTests implements TrustContract, OutboxContract, InboxContract, IdempotencyContract {

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
		return ApplicationEvent.TOPIC;
	}

	@Override
	public String eventJson(UUID eventId) {
		return AccountFixtures.approval(eventId, UUID.randomUUID(), UUID.randomUUID(),
				"6019" + "%012d".formatted(Math.abs(eventId.getLeastSignificantBits() % 1_000_000_000_000L)), "Lopez",
				LocalDate.of(1984, 3, 9), "5000.00");
	}

	@Override
	public int timesApplied(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM account WHERE opened_by_event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

	@Override
	public IdempotentRequest moneyMovingRequest() {
		UUID practice = UUID.randomUUID();
		AccountFixtures.Opened account = AccountFixtures.open(this.jdbc, practice, "Lopez", LocalDate.of(1984, 3, 9));
		AccountFixtures.purchase(this.jdbc, account, "2000.00", AccountFixtures.DEFERRED_12);
		return new IdempotentRequest("/api/accounts/" + account.accountId() + "/payments",
				TestIssuer.PROVIDER.practiceUserWith(practice, "PRACTICE_USER", "PROCESS_PURCHASES", "POST_PAYMENTS"),
				"{\"amount\":1200.00}", "{\"amount\":1100.00}", account.accountId());
	}

	@Override
	public int timesApplied(IdempotentRequest request) {
		return this.jdbc.sql("SELECT count(*) FROM payment WHERE account_id = :id")
			.param("id", request.subject())
			.query(Integer.class)
			.single();
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		List<String> applied = this.jdbc.sql("SELECT version FROM flyway_schema_history WHERE success")
			.query(String.class)
			.list();
		assertThat(applied).contains("1", "2");
		assertThat(this.jdbc.sql("SELECT to_regclass('ledger_entry') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void neverChangesOrRemovesALedgerEntry() {
		this.jdbc.sql("""
				INSERT INTO ledger_entry (id, account_id, kind, amount, occurred_at, recorded_at)
				VALUES (:id, :id, 'ADJUSTMENT', 0.00, now(), now())
				""").param("id", UUID.randomUUID()).update();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE ledger_entry SET amount = 0").update())
			.withMessageContaining("append a reversal");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM ledger_entry").update());
	}

}
