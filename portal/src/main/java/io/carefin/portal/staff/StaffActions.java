package io.carefin.portal.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.starter.web.Csv;

/**
 * The console's own audit: each change it asks of the API and each patient account it
 * shows, with who asked, why, when and how it went; the auditors read it, page by page or
 * as CSV.
 */
@Component
class StaffActions {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	StaffActions(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(500);
		this.clock = clock;
	}

	/**
	 * Asks the API for a change and records it with its outcome: {@code DONE}, or
	 * {@code REFUSED} when the API said no, or {@code FAILED} when it could not answer.
	 */
	<T> T audited(StaffUser user, String action, String target, String reason, Supplier<T> call) {
		T result;
		try {
			result = call.get();
		}
		catch (ApiProblemException ex) {
			record(user, action, target, reason, "REFUSED");
			throw ex;
		}
		catch (RuntimeException ex) {
			record(user, action, target, reason, "FAILED");
			throw ex;
		}
		record(user, action, target, reason, "DONE");
		return result;
	}

	/**
	 * As {@link #audited(StaffUser, String, String, String, Supplier)}, for a call that
	 * answers nothing the page needs.
	 */
	void audited(StaffUser user, String action, String target, String reason, Runnable call) {
		audited(user, action, target, reason, () -> {
			call.run();
			return Boolean.TRUE;
		});
	}

	void record(StaffUser user, String action, String target, String reason, String outcome) {
		this.jdbc.sql("""
				INSERT INTO staff_action (id, occurred_at, subject, username, role, action, target, reason, outcome)
				VALUES (:id, :at, :subject, :username, :role, :action, :target, :reason, :outcome)
				""")
			.param("id", UUID.randomUUID())
			.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("subject", user.subject())
			.param("username", user.username())
			.param("role", user.roleNames())
			.param("action", action)
			.param("target", clip(target, 200))
			.param("reason", clip(reason, 1000))
			.param("outcome", outcome)
			.update();
	}

	/**
	 * One page of the actions between two instants, newest first.
	 */
	Page page(Instant from, Instant to, int page, int size) {
		long total = this.jdbc.sql("SELECT count(*) FROM staff_action WHERE occurred_at >= :from AND occurred_at < :to")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		List<Action> items = this.jdbc.sql("""
				SELECT * FROM staff_action WHERE occurred_at >= :from AND occurred_at < :to
				ORDER BY occurred_at DESC, id LIMIT :size OFFSET :offset
				""")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.param("size", size)
			.param("offset", (long) page * size)
			.query((row, n) -> new Action(row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					row.getString("subject"), row.getString("username"), row.getString("role"), row.getString("action"),
					row.getString("target"), row.getString("reason"), row.getString("outcome")))
			.list();
		return new Page(items, page, size, total);
	}

	/**
	 * The usernames of the staff members the services' trails name as
	 * {@code staff:<subject>}, as far as the console has seen them act.
	 */
	Map<String, String> usernames(Collection<String> actors) {
		List<String> subjects = actors.stream()
			.filter((actor) -> actor != null && actor.startsWith("staff:"))
			.map((actor) -> actor.substring("staff:".length()))
			.distinct()
			.toList();
		if (subjects.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new HashMap<>();
		this.jdbc.sql("SELECT DISTINCT subject, username FROM staff_action WHERE subject IN (:subjects)")
			.param("subjects", subjects)
			.query((row) -> {
				names.put("staff:" + row.getString("subject"), row.getString("username"));
			});
		return names;
	}

	/**
	 * Writes every action between two instants as CSV, oldest first, row by row from a
	 * database cursor, however many there are.
	 */
	@Transactional(readOnly = true)
	void export(Instant from, Instant to, Writer out) {
		write(out, Csv.row("occurredAt", "username", "subject", "role", "action", "target", "reason", "outcome"));
		this.template.query("""
				SELECT * FROM staff_action WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id
				""", (row) -> {
			write(out, Csv.row(row.getObject("occurred_at", OffsetDateTime.class).toInstant().toString(),
					row.getString("username"), row.getString("subject"), row.getString("role"), row.getString("action"),
					row.getString("target"), row.getString("reason"), row.getString("outcome")));
		}, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
	}

	private static void write(Writer out, String line) {
		try {
			out.write(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String clip(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	/**
	 * One console action.
	 *
	 * @param occurredAt when
	 * @param subject the staff member's Keycloak subject
	 * @param username their username
	 * @param role their roles
	 * @param action what, such as {@code UNLOCK_USER}
	 * @param target on what, such as a user ID
	 * @param reason why, as they stated it
	 * @param outcome {@code DONE}, {@code REFUSED} or {@code FAILED}
	 */
	record Action(Instant occurredAt, String subject, String username, String role, String action, String target,
			String reason, String outcome) {

	}

	/**
	 * A page of actions.
	 *
	 * @param items the actions
	 * @param page the page, from 0
	 * @param size its size
	 * @param total how many in the range
	 */
	record Page(List<Action> items, int page, int size, long total) {

	}

}
