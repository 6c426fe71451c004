package io.carefin.account.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends entries to accounts' ledgers; entries are never changed or removed (the table
 * refuses it). Each entry also moves the account's balance and its promotional balance by
 * its amount, in the same transaction, so that both always equal the sum of their entries
 * ({@link LedgerCheck} proves it).
 */
@Repository
public class Ledger {

	private final JdbcClient jdbc;

	private final Clock clock;

	Ledger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends an entry, unless its source key was used before.
	 * @return whether the entry was appended
	 */
	public boolean append(NewEntry entry) {
		int appended = this.jdbc.sql("""
				INSERT INTO ledger_entry (id, account_id, kind, amount, source_event_id, occurred_at, recorded_at,
				                          purchase_id, payment_id, business_date, source_key, detail)
				VALUES (:id, :account, :kind, :amount, :event, :occurredAt, :recordedAt, :purchase, :payment,
				        :businessDate, :sourceKey, :detail)
				ON CONFLICT (source_key) DO NOTHING
				""")
			.param("id", UUID.randomUUID())
			.param("account", entry.accountId())
			.param("kind", entry.kind().name())
			.param("amount", entry.amount())
			.param("event", entry.sourceEventId())
			.param("occurredAt", utc(entry.occurredAt()))
			.param("recordedAt", utc(this.clock.instant()))
			.param("purchase", entry.purchaseId())
			.param("payment", entry.paymentId())
			.param("businessDate", entry.businessDate())
			.param("sourceKey", entry.sourceKey())
			.param("detail", entry.detail())
			.update();
		if (appended == 0) {
			return false;
		}
		this.jdbc.sql("UPDATE account SET balance = balance + :amount WHERE id = :account")
			.param("amount", entry.amount())
			.param("account", entry.accountId())
			.update();
		if (entry.purchaseId() != null) {
			this.jdbc.sql("UPDATE promotion_balance SET remaining = remaining + :amount WHERE purchase_id = :purchase")
				.param("amount", entry.amount())
				.param("purchase", entry.purchaseId())
				.update();
		}
		return true;
	}

	/**
	 * The sum of an account's entries.
	 */
	public BigDecimal sum(UUID accountId) {
		return this.jdbc.sql("SELECT coalesce(sum(amount), 0.00) FROM ledger_entry WHERE account_id = :account")
			.param("account", accountId)
			.query(BigDecimal.class)
			.single();
	}

	/**
	 * An account's entries, newest first, with what caused them.
	 */
	public List<Entry> entries(UUID accountId, int limit) {
		return entries(accountId, null, limit);
	}

	/**
	 * An account's entries on the purchases of one practice (all of them when
	 * {@code practiceId} is {@code null}), newest first, with what caused them.
	 */
	public List<Entry> entries(UUID accountId, @Nullable UUID practiceId, int limit) {
		String ofPractice = (practiceId != null) ? "AND p.practice_id = :practice" : "";
		JdbcClient.StatementSpec query = this.jdbc.sql("""
				SELECT e.*, p.plan_code, p.practice_name, p.authorization_code FROM ledger_entry e
				LEFT JOIN promotion_balance p ON p.purchase_id = e.purchase_id
				WHERE e.account_id = :account %s ORDER BY e.occurred_at DESC, e.recorded_at DESC, e.id LIMIT :limit
				""".formatted(ofPractice)).param("account", accountId).param("limit", limit);
		if (practiceId != null) {
			query = query.param("practice", practiceId);
		}
		return query
			.query((row, n) -> new Entry(row.getObject("id", UUID.class), EntryKind.valueOf(row.getString("kind")),
					row.getBigDecimal("amount"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					row.getObject("business_date", LocalDate.class), row.getObject("purchase_id", UUID.class),
					row.getString("plan_code"), row.getString("practice_name"), row.getString("authorization_code"),
					row.getObject("payment_id", UUID.class), row.getString("detail")))
			.list();
	}

	/**
	 * What a payment has paid on a balance since a day (a positive amount).
	 */
	public BigDecimal paidSince(UUID purchaseId, LocalDate since) {
		return this.jdbc.sql("""
				SELECT coalesce(-sum(amount), 0.00) FROM ledger_entry
				WHERE purchase_id = :purchase AND kind = 'PAYMENT' AND business_date >= :since
				""").param("purchase", purchaseId).param("since", since).query(BigDecimal.class).single();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * An entry to append.
	 *
	 * @param accountId the account
	 * @param purchaseId the promotional balance it moves, if any
	 * @param kind what it records
	 * @param amount positive for a charge, negative for a credit
	 * @param businessDate the business day it falls on
	 * @param occurredAt when what it records happened
	 * @param sourceEventId the event that caused it, if any
	 * @param paymentId the payment that caused it, if any
	 * @param sourceKey the business-day rule that caused it (which makes it unique), if
	 * any
	 * @param detail a description for the activity view
	 */
	public record NewEntry(UUID accountId, @Nullable UUID purchaseId, EntryKind kind, BigDecimal amount,
			LocalDate businessDate, Instant occurredAt, @Nullable UUID sourceEventId, @Nullable UUID paymentId,
			@Nullable String sourceKey, @Nullable String detail) {

	}

	/**
	 * An entry of the ledger with the details of its purchase.
	 *
	 * @param id the entry
	 * @param kind what it records
	 * @param amount positive for a charge, negative for a credit
	 * @param occurredAt when it happened
	 * @param businessDate the business day it falls on
	 * @param purchaseId the purchase whose balance it moved
	 * @param planCode that purchase's plan
	 * @param practiceName where the purchase was made
	 * @param authorizationCode the purchase's authorisation code
	 * @param paymentId the payment it belongs to
	 * @param detail a description
	 */
	public record Entry(UUID id, EntryKind kind, BigDecimal amount, Instant occurredAt,
			@Nullable LocalDate businessDate, @Nullable UUID purchaseId, @Nullable String planCode,
			@Nullable String practiceName, @Nullable String authorizationCode, @Nullable UUID paymentId,
			@Nullable String detail) {

	}

}
