package io.carefin.auth.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.auth.user.Users;

/**
 * Practice users' accounts as support finds and reads them: by user ID, or by a search
 * that matches the start of a user ID or e-mail address, or part of a practice's name or
 * code, ordered by practice name and then user ID.
 */
@Repository
class UserDirectory {

	private static final String SELECT = "SELECT " + Users.COLUMNS + ", u.suspension_reason, u.last_login_at"
			+ Users.FROM;

	private static final String MATCHES = """
			WHERE lower(u.user_id) LIKE :prefix ESCAPE '\\' OR lower(u.email) LIKE :prefix ESCAPE '\\'
			   OR lower(p.name) LIKE :part ESCAPE '\\' OR lower(p.practice_code) LIKE :part ESCAPE '\\'
			""";

	private final JdbcClient jdbc;

	UserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AccountStatus> status(String userId, Instant now) {
		return this.jdbc.sql(SELECT + "WHERE lower(u.user_id) = lower(:userId)")
			.param("userId", userId)
			.query(mapper(now))
			.optional();
	}

	List<AccountStatus> search(String query, int page, int size, Instant now) {
		return this.jdbc.sql(SELECT + MATCHES + "ORDER BY p.name, lower(u.user_id) LIMIT :size OFFSET :offset")
			.param("prefix", literal(query) + "%")
			.param("part", "%" + literal(query) + "%")
			.param("size", size)
			.param("offset", (long) page * size)
			.query(mapper(now))
			.list();
	}

	long count(String query) {
		return this.jdbc.sql("SELECT count(*)" + Users.FROM + MATCHES)
			.param("prefix", literal(query) + "%")
			.param("part", "%" + literal(query) + "%")
			.query(Long.class)
			.single();
	}

	/**
	 * The query in lower case with LIKE's wildcards taken literally.
	 */
	private static String literal(String query) {
		return query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static RowMapper<AccountStatus> mapper(Instant now) {
		return (ResultSet row, int rowNumber) -> AccountStatus.of(Users.map(row, rowNumber),
				row.getString("practice_code"), row.getString("suspension_reason"),
				instant(row.getTimestamp("last_login_at")), now);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
