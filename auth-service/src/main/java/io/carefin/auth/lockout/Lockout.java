package io.carefin.auth.lockout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.UserLocked;

/**
 * Counts sign-in attempts and locks users out. An attempt is counted, atomically and
 * committed, before its password is checked; an attempt numbered past the limit is
 * refused unchecked. The attempt that reaches the limit and fails locks the user, for a
 * while or, at the third lock in the lock window, until support unlocks them, and the
 * user is told once per lock.
 */
@Component
@EnableConfigurationProperties(LockoutProperties.class)
public class Lockout {

	private static final String COUNT = """
			failed_attempts = CASE WHEN failure_window_start IS NULL OR failure_window_start <= :windowStart
			                       THEN 1 ELSE failed_attempts + 1 END,
			failure_window_start = CASE WHEN failure_window_start IS NULL OR failure_window_start <= :windowStart
			                            THEN :now ELSE failure_window_start END
			""";

	private static final String NOT_LOCKED = "NOT locked_permanently AND (locked_until IS NULL OR locked_until <= :now)";

	private static final String COUNT_BY_ID = """
			UPDATE practice_user SET %s
			WHERE id = :id AND %s
			RETURNING failed_attempts
			""".formatted(COUNT, NOT_LOCKED);

	private static final String READ_AND_COUNT_BY_USER_ID = """
			WITH counted AS (
			  UPDATE practice_user SET %s
			  WHERE lower(user_id) = lower(:userId) AND status = 'ACTIVE' AND password_hash IS NOT NULL AND %s
			  RETURNING id, failed_attempts
			)
			SELECT %s, counted.failed_attempts AS attempt
			%s LEFT JOIN counted ON counted.id = u.id
			WHERE lower(u.user_id) = lower(:userId)
			""".formatted(COUNT, NOT_LOCKED, Users.COLUMNS, Users.FROM);

	private final JdbcClient jdbc;

	private final LockoutProperties properties;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	Lockout(JdbcClient jdbc, LockoutProperties properties, ApplicationEventPublisher events, AuditTrail audit) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Counts an attempt for a user who is not locked.
	 * @return the attempt's number within the failure window, to check its password only
	 * while it is within the limit; empty when the user is locked
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public OptionalInt countAttempt(UUID userId, Instant now) {
		return withinLimit(this.jdbc.sql(COUNT_BY_ID)
			.param("id", userId)
			.param("now", utc(now))
			.param("windowStart", utc(now.minus(this.properties.failureWindow())))
			.query(Integer.class)
			.optional()
			.orElse(null));
	}

	/**
	 * Reads the user who signs in with the given user ID and, when they may sign in and
	 * are not locked, counts an attempt: one statement, committed on its own before any
	 * password is checked.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Attempt countAttempt(String userId, Instant now) {
		return this.jdbc.sql(READ_AND_COUNT_BY_USER_ID)
			.param("userId", userId)
			.param("now", utc(now))
			.param("windowStart", utc(now.minus(this.properties.failureWindow())))
			.query((row, rowNumber) -> {
				PracticeUser user = Users.map(row, rowNumber);
				return user.active() ? new Attempt(user, withinLimit(row.getObject("attempt", Integer.class)))
						: Attempt.NO_USER;
			})
			.optional()
			.orElse(Attempt.NO_USER);
	}

	private OptionalInt withinLimit(@Nullable Integer attempt) {
		return (attempt != null && attempt <= this.properties.maxFailures()) ? OptionalInt.of(attempt)
				: OptionalInt.empty();
	}

	/**
	 * Clears the count after a correct password.
	 */
	@Transactional
	public void succeeded(UUID userId, Instant now) {
		this.jdbc.sql("""
				UPDATE practice_user SET failed_attempts = 0, failure_window_start = NULL, last_login_at = :now
				WHERE id = :id
				""").param("id", userId).param("now", utc(now)).update();
	}

	/**
	 * Records that a counted attempt had a wrong password; the attempt at the limit
	 * locks.
	 */
	@Transactional
	public void failed(PracticeUser user, int attempt, Instant now) {
		if (attempt < this.properties.maxFailures()) {
			return;
		}
		this.jdbc.sql("INSERT INTO user_lock (user_id, locked_at) VALUES (:id, :now)")
			.param("id", user.id())
			.param("now", utc(now))
			.update();
		int recentLocks = this.jdbc.sql("SELECT count(*) FROM user_lock WHERE user_id = :id AND locked_at > :since")
			.param("id", user.id())
			.param("since", utc(now.minus(this.properties.lockWindow())))
			.query(Integer.class)
			.single();
		boolean permanent = recentLocks >= this.properties.locksBeforePermanent();
		@Nullable Instant lockedUntil = permanent ? null : now.plus(this.properties.lockDuration());
		int locked = this.jdbc.sql("""
				UPDATE practice_user
				SET locked_until = :lockedUntil, locked_permanently = :permanent,
				    failed_attempts = 0, failure_window_start = NULL
				WHERE id = :id AND NOT locked_permanently AND (locked_until IS NULL OR locked_until <= :now)
				""")
			.param("id", user.id())
			.param("now", utc(now))
			.param("lockedUntil", (lockedUntil != null) ? utc(lockedUntil) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("permanent", permanent)
			.update();
		if (locked == 1) {
			this.events.publishEvent(new UserLocked(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email(), lockedUntil));
			this.audit.record(AuditAction.LOCK, permanent ? "UNTIL_SUPPORT_UNLOCKS" : "TEMPORARY", user.id(),
					user.practiceId());
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A password sign-in's attempt as counted.
	 *
	 * @param user the user who signs in with the user ID, when there is one who may sign
	 * in (active, with a password)
	 * @param number the attempt's number within the failure window when the user's
	 * password may be checked; empty when there is no such user, or they are locked or
	 * over the limit
	 */
	public record Attempt(@Nullable PracticeUser user, OptionalInt number) {

		static final Attempt NO_USER = new Attempt(null, OptionalInt.empty());

	}

}
