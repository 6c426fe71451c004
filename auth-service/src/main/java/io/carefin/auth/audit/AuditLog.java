package io.carefin.auth.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail as support and auditors read it, newest first: one user's recent
 * entries, a page of a date range, or the whole range streamed from a database cursor a
 * few hundred rows at a time, so that an export of any size never sits in memory.
 */
@Repository
public class AuditLog {

	private static final int FETCH_SIZE = 500;

	private static final String SELECT = """
			SELECT a.occurred_at, a.action, a.outcome, u.user_id AS login_id, a.practice_id, p.name AS practice_name,
			       a.actor, a.client_ip, a.reason
			FROM audit_entry a
			LEFT JOIN practice_user u ON u.id = a.user_id
			LEFT JOIN practice p ON p.id = a.practice_id
			""";

	private static final String IN_RANGE = """
			WHERE a.occurred_at >= :from AND a.occurred_at < :until
			  AND (CAST(:action AS TEXT) IS NULL OR a.action = CAST(:action AS TEXT))
			""";

	private static final String NEWEST_FIRST = " ORDER BY a.occurred_at DESC, a.id DESC ";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate cursor;

	AuditLog(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(FETCH_SIZE);
		this.cursor = new NamedParameterJdbcTemplate(streaming);
	}

	/**
	 * A user's latest entries, newest first.
	 */
	public List<UserEntry> ofUser(UUID userId, int size) {
		return this.jdbc.sql(SELECT + " WHERE a.user_id = :userId " + NEWEST_FIRST + " LIMIT :size")
			.param("userId", userId)
			.param("size", size)
			.query((row, rowNumber) -> UserEntry.of(entry(row)))
			.list();
	}

	/**
	 * One page of the entries in a range, newest first.
	 */
	List<Entry> page(AuditRange range, @Nullable AuditAction action, int page, int size) {
		return this.jdbc.sql(SELECT + IN_RANGE + NEWEST_FIRST + " LIMIT :size OFFSET :offset")
			.params(parameters(range, action).getValues())
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, rowNumber) -> entry(row))
			.list();
	}

	/**
	 * How many entries a range holds.
	 */
	long count(AuditRange range, @Nullable AuditAction action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_entry a " + IN_RANGE)
			.params(parameters(range, action).getValues())
			.query(Long.class)
			.single();
	}

	/**
	 * Hands every entry of a range, newest first, to the consumer as it is read: in a
	 * read-only transaction, so that PostgreSQL reads through a cursor.
	 */
	@Transactional(readOnly = true)
	void stream(AuditRange range, @Nullable AuditAction action, Consumer<Entry> consumer) {
		this.cursor.query(SELECT + IN_RANGE + NEWEST_FIRST, parameters(range, action),
				(ResultSet row) -> consumer.accept(entry(row)));
	}

	private static MapSqlParameterSource parameters(AuditRange range, @Nullable AuditAction action) {
		return new MapSqlParameterSource().addValue("from", range.start().atOffset(ZoneOffset.UTC))
			.addValue("until", range.end().atOffset(ZoneOffset.UTC))
			.addValue("action", (action != null) ? action.name() : null);
	}

	private static Entry entry(ResultSet row) throws SQLException {
		return new Entry(row.getTimestamp("occurred_at").toInstant(), row.getString("action"), row.getString("outcome"),
				row.getString("login_id"), row.getObject("practice_id", UUID.class), row.getString("practice_name"),
				row.getString("actor"), row.getString("client_ip"), row.getString("reason"));
	}

	/**
	 * An entry as an auditor sees it.
	 *
	 * @param occurredAt when it happened
	 * @param action what happened, an {@link AuditAction}'s name
	 * @param outcome how it ended, such as {@code SUCCEEDED}, {@code FAILED} or a
	 * suspension's reason
	 * @param userId the user ID of the practice user it happened to, if any
	 * @param practiceId the practice it happened in, if any
	 * @param practiceName that practice's name
	 * @param actor who acted: {@code self}, {@code user:<id>}, {@code staff:<subject>
	 * (<user name>)} or {@code system}
	 * @param clientIp the address the request came from, if it came through the gateway
	 * @param reason the reason the staff member gave, if any
	 */
	record Entry(Instant occurredAt, String action, String outcome, @Nullable String userId, @Nullable UUID practiceId,
			@Nullable String practiceName, String actor, @Nullable String clientIp, @Nullable String reason) {
	}

	/**
	 * An entry of one user's trail, as support sees it.
	 *
	 * @param occurredAt when it happened
	 * @param action what happened, an {@link AuditAction}'s name
	 * @param outcome how it ended
	 * @param actor who acted
	 * @param clientIp the address the request came from, if known
	 * @param reason the reason the staff member gave, if any
	 */
	public record UserEntry(Instant occurredAt, String action, String outcome, String actor, @Nullable String clientIp,
			@Nullable String reason) {

		static UserEntry of(Entry entry) {
			return new UserEntry(entry.occurredAt(), entry.action(), entry.outcome(), entry.actor(), entry.clientIp(),
					entry.reason());
		}

	}

}
