package io.carefin.account.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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

	private final JdbcClient jdbc;

	private final Clock clock;

	SupportAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
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
	 * The trail, newest first, of one account or of all.
	 */
	public List<Record> read(@Nullable UUID accountId, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM support_audit WHERE (CAST(:account AS UUID) IS NULL OR account_id = :account)
				ORDER BY occurred_at DESC, id LIMIT :limit
				""")
			.param("account", accountId)
			.param("limit", limit)
			.query((row, n) -> new Record(row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					row.getString("actor"), row.getString("reason"), row.getObject("account_id", UUID.class),
					row.getString("action")))
			.list();
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
