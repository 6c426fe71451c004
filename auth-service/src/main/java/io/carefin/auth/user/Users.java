package io.carefin.auth.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Practice users as stored, looked up by id or by the user ID they sign in with.
 */
@Repository
public class Users {

	/**
	 * What every read of a user selects, for statements that read a user along with
	 * something else; rows of these columns map with {@link #map}.
	 */
	public static final String COLUMNS = """
			u.id, u.practice_id, p.name AS practice_name, p.practice_code, p.mfa_required, u.user_id, u.email, u.password_hash, u.role,
			u.permissions, u.status, u.locked_until, u.locked_permanently, u.step_up_required, u.tokens_not_before,
			p.status = 'OPEN' AS practice_open,
			EXISTS (SELECT 1 FROM second_factor f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS has_second_factor
			""";

	/**
	 * The tables {@link #COLUMNS} come from: the user as {@code u}, their practice as
	 * {@code p}.
	 */
	public static final String FROM = " FROM practice_user u JOIN practice p ON p.id = u.practice_id ";

	private static final String SELECT = "SELECT " + COLUMNS + FROM;

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user who signs in with the given user ID, compared without regard to case.
	 */
	public Optional<PracticeUser> byUserId(String userId) {
		return this.jdbc.sql(SELECT + "WHERE lower(u.user_id) = lower(:userId)")
			.param("userId", userId)
			.query(Users::map)
			.optional();
	}

	/**
	 * The users whose e-mail address this is, compared without regard to case.
	 */
	public List<PracticeUser> byEmail(String email) {
		return this.jdbc.sql(SELECT + "WHERE lower(u.email) = lower(:email)")
			.param("email", email)
			.query(Users::map)
			.list();
	}

	/**
	 * Active users who have not signed in since the given instant, nor been created
	 * since.
	 */
	public List<PracticeUser> idleSince(java.time.Instant since) {
		return this.jdbc.sql(SELECT + """
				WHERE u.status = 'ACTIVE' AND coalesce(u.last_login_at, u.created_at) < :since
				""").param("since", since.atOffset(java.time.ZoneOffset.UTC)).query(Users::map).list();
	}

	public Optional<PracticeUser> byId(UUID id) {
		return this.jdbc.sql(SELECT + "WHERE u.id = :id").param("id", id).query(Users::map).optional();
	}

	/**
	 * Replaces a user's password hash, as when a stored hash is upgraded to today's
	 * parameters.
	 */
	public void changePasswordHash(UUID id, String passwordHash) {
		this.jdbc.sql("UPDATE practice_user SET password_hash = :hash WHERE id = :id")
			.param("hash", passwordHash)
			.param("id", id)
			.update();
	}

	/**
	 * The users of one practice, by user ID.
	 */
	public List<PracticeUser> ofPractice(UUID practiceId) {
		return this.jdbc.sql(SELECT + "WHERE u.practice_id = :practiceId ORDER BY lower(u.user_id)")
			.param("practiceId", practiceId)
			.query(Users::map)
			.list();
	}

	/**
	 * Adds an invited user, who has no password until they activate.
	 */
	public void invite(UUID id, UUID practiceId, String userId, String email, Role role, Set<Permission> permissions,
			java.time.Instant now) {
		this.jdbc.sql("""
				INSERT INTO practice_user (id, practice_id, user_id, email, role, permissions, status, created_at)
				VALUES (:id, :practiceId, :userId, :email, :role, :permissions, 'INVITED', :now)
				""")
			.param("id", id)
			.param("practiceId", practiceId)
			.param("userId", userId)
			.param("email", email)
			.param("role", role.name())
			.param("permissions", permissions.stream().map(Permission::name).sorted().toArray(String[]::new))
			.param("now", now.atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	public void changeAccess(UUID id, Role role, Set<Permission> permissions) {
		this.jdbc.sql("UPDATE practice_user SET role = :role, permissions = :permissions WHERE id = :id")
			.param("role", role.name())
			.param("permissions", permissions.stream().map(Permission::name).sorted().toArray(String[]::new))
			.param("id", id)
			.update();
	}

	public void changeStatus(UUID id, UserStatus status) {
		this.jdbc.sql("UPDATE practice_user SET status = :status WHERE id = :id")
			.param("status", status.name())
			.param("id", id)
			.update();
	}

	/**
	 * Lifts any lock and the step-up, and forgets past failures.
	 */
	public void unlock(UUID id) {
		this.jdbc.sql("""
				UPDATE practice_user SET locked_until = NULL, locked_permanently = FALSE, step_up_required = FALSE,
				  failed_attempts = 0, failure_window_start = NULL, consecutive_failures = 0
				WHERE id = :id
				""").param("id", id).update();
	}

	/**
	 * Moves the user's not-before forward to the given instant, never back.
	 */
	public void refuseTokensBefore(UUID id, Instant notBefore) {
		this.jdbc.sql("""
				UPDATE practice_user
				SET tokens_not_before = GREATEST(COALESCE(tokens_not_before, :notBefore), :notBefore)
				WHERE id = :id
				""").param("notBefore", notBefore.atOffset(ZoneOffset.UTC)).param("id", id).update();
	}

	public void suspend(UUID id, String reason) {
		this.jdbc.sql("UPDATE practice_user SET status = 'SUSPENDED', suspension_reason = :reason WHERE id = :id")
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	public void reactivate(UUID id) {
		this.jdbc.sql("UPDATE practice_user SET status = 'ACTIVE', suspension_reason = NULL WHERE id = :id")
			.param("id", id)
			.update();
	}

	/**
	 * The user in a row of {@link #COLUMNS}.
	 */
	public static PracticeUser map(ResultSet row, int rowNumber) throws SQLException {
		return new PracticeUser(row.getObject("id", UUID.class), row.getObject("practice_id", UUID.class),
				row.getString("practice_name"), row.getString("practice_code"), row.getBoolean("mfa_required"),
				row.getString("user_id"), row.getString("email"), row.getString("password_hash"),
				Role.valueOf(row.getString("role")), permissions(row.getArray("permissions")),
				UserStatus.valueOf(row.getString("status")), instant(row.getTimestamp("locked_until")),
				row.getBoolean("locked_permanently"), row.getBoolean("has_second_factor"),
				row.getBoolean("step_up_required"), instant(row.getTimestamp("tokens_not_before")),
				row.getBoolean("practice_open"));
	}

	private static Set<Permission> permissions(Array array) throws SQLException {
		String[] names = (String[]) array.getArray();
		return (names.length == 0) ? EnumSet.noneOf(Permission.class)
				: Arrays.stream(names)
					.map(Permission::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
	}

	private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
