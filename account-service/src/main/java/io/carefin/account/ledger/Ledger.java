package io.carefin.account.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.contracts.transaction.PurchaseApproved;

/**
 * Appends entries to accounts' ledgers and sums them; entries are never changed or
 * removed.
 */
@Repository
class Ledger {

	private final JdbcClient jdbc;

	private final Clock clock;

	Ledger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void recordPurchase(PurchaseApproved purchase) {
		this.jdbc.sql("""
				INSERT INTO ledger_entry (id, account_id, kind, amount, source_event_id, occurred_at, recorded_at)
				VALUES (:id, :accountId, 'PURCHASE', :amount, :sourceEventId, :occurredAt, :recordedAt)
				""")
			.param("id", UUID.randomUUID())
			.param("accountId", purchase.accountId())
			.param("amount", purchase.amount())
			.param("sourceEventId", purchase.eventId())
			.param("occurredAt", utc(purchase.occurredAt()))
			.param("recordedAt", utc(Instant.now(this.clock)))
			.update();
	}

	BigDecimal balance(UUID accountId) {
		return this.jdbc.sql("SELECT coalesce(sum(amount), 0.00) FROM ledger_entry WHERE account_id = :accountId")
			.param("accountId", accountId)
			.query(BigDecimal.class)
			.single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
