package io.carefin.account.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only trail of support staff's reads and actions on patients' accounts: who,
 * when, why, which account and what. It commits with the action it describes, or on its
 * own for a read.
 */
@Component
public class SupportAudit {

	private static final String RANGE = """
			occurred_at >= :from AND occurred_at < :until
			AND (CAST(:account AS UUID) IS NULL OR account_id = :account)""";

	private static final int EXPORT_FETCH_SIZE = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	private final Clock clock;

	SupportAudit(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(EXPORT_FETCH_SIZE);
		this.clock = clock;
	}

	@Transactional
	void record(Viewer viewer, UUID accountId, String action) {
		this.jdbc.sql("""
				INSERT INTO support_audit (id, occurred_at, actor, reason, account_id, action)
				VALUES (:id, :now, :actor, :reason, :account, :action)
				""")
			.param("id", UUID.randomUUID())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("actor", viewer.actor())
			.param("reason", viewer.reason())
			.param("account", accountId)
			.param("action", action)
			.update();
	}

	/**
	 * One page of the trail between two instants, newest first, of one account or of all,
	 * with how many entries the range holds.
	 */
	@Transactional(readOnly = true)
	public Page page(Instant from, Instant until, @Nullable UUID accountId, int page, int size) {
		long total = this.jdbc.sql("SELECT count(*) FROM support_audit WHERE " + RANGE)
			.param("from", utc(from))
			.param("until", utc(until))
			.param("account", accountId)
			.query(Long.class)
			.single();
		List<Record> items = this.jdbc.sql("SELECT * FROM support_audit WHERE " + RANGE + """
				ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("from", utc(from))
			.param("until", utc(until))
			.param("account", accountId)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(SupportAudit::record)
			.list();
		return new Page(items, page, size, total);
	}

	/**
	 * Hands every entry between two instants, newest first, to {@code each} as the
	 * database returns them, a batch at a time through a cursor, so that a range of any
	 * length is never held in memory.
	 */
	@Transactional(readOnly = true)
	public void export(Instant from, Instant until, Consumer<Record> each) {
		this.cursor.query(
				"SELECT * FROM support_audit WHERE occurred_at >= ? AND occurred_at < ?"
						+ " ORDER BY occurred_at DESC, id DESC",
				(RowCallbackHandler) (row) -> each.accept(record(row, 0)), utc(from), utc(until));
	}

	private static Record record(ResultSet row, int n) throws SQLException {
		return new Record(row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("actor"),
				row.getString("reason"), row.getObject("account_id", UUID.class), row.getString("action"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A page of the trail.
	 *
	 * @param items its entries, newest first
	 * @param page its number, from 0
	 * @param size how many entries a page holds
	 * @param total how many entries the whole range holds
	 */
	public record Page(List<Record> items, int page, int size, long total) {

	}

	/**
	 * One entry of the trail.
	 *
	 * @param occurredAt when
	 * @param actor who ({@code staff:<subject>})
	 * @param reason why, as stated
	 * @param accountId which account
	 * @param action what, such as {@code READ_SUMMARY} or {@code POST_PAYMENT}
	 */
	public record Record(Instant occurredAt, String actor, String reason, @Nullable UUID accountId, String action) {

	}

}
