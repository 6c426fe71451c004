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
 * Counts sign-in attempts and locks users out. An attempt, a password or a second-factor
 * code, is counted, atomically and committed, before it is checked; an attempt numbered
 * past the limit is refused unchecked. The attempt that reaches the limit and fails locks
 * the user for a while, and the user is told once per lock; from the third lock in the
 * lock window on, a correct password also needs a second factor or a recovery link (a
 * step-up), never support. Attempts are also counted in a row, whatever the window: at
 * the consecutive limit no password is checked until a recovery link. Only a sign-in that
 * ends in tokens clears the counts: a right password that still waits for a second factor
 * takes back its own attempt and no other.
 */
@Component
@EnableConfigurationProperties(LockoutProperties.class)
public class Lockout {

	private static final String COUNT = """
			consecutive_failures = consecutive_failures + 1,
			failed_attempts = CASE WHEN failure_window_start IS NULL OR failure_window_start <= :windowStart
			                       THEN 1 ELSE failed_attempts + 1 END,
			failure_window_start = CASE WHEN failure_window_start IS NULL OR failure_window_start <= :windowStart
			                            THEN :now ELSE failure_window_start END
			""";

	private static final String NOT_LOCKED = "NOT locked_permanently AND (locked_until IS NULL OR locked_until <= :now)";

	private static final String READ_AND_COUNT = """
			WITH counted AS (
			  UPDATE practice_user SET %s
			  WHERE %s AND status = 'ACTIVE' AND password_hash IS NOT NULL AND %s
			    AND consecutive_failures < :maxConsecutive
			  RETURNING id, failed_attempts
			)
			SELECT %s, counted.failed_attempts AS attempt
			%s LEFT JOIN counted ON counted.id = u.id
			WHERE %s
			""";

	private static final String READ_AND_COUNT_BY_USER_ID = READ_AND_COUNT.formatted(COUNT,
			"lower(user_id) = lower(:userId)", NOT_LOCKED, Users.COLUMNS, Users.FROM,
			"lower(u.user_id) = lower(:userId)");

	private static final String READ_AND_COUNT_BY_ID = READ_AND_COUNT.formatted(COUNT, "id = :id", NOT_LOCKED,
			Users.COLUMNS, Users.FROM, "u.id = :id");

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
	 * Reads the user who signs in with the given user ID and, when they may sign in and
	 * are not locked, counts an attempt: one statement, committed on its own before any
	 * password is checked.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Attempt countAttempt(String userId, Instant now) {
		return countAttempt(this.jdbc.sql(READ_AND_COUNT_BY_USER_ID).param("userId", userId), now);
	}

	/**
	 * Reads the user with the given id and, when they may sign in and are not locked,
	 * counts an attempt, as for a second-factor code or a password change: one statement,
	 * committed on its own before anything is checked.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Attempt countAttempt(UUID id, Instant now) {
		return countAttempt(this.jdbc.sql(READ_AND_COUNT_BY_ID).param("id", id), now);
	}

	private Attempt countAttempt(JdbcClient.StatementSpec statement, Instant now) {
		return statement.param("now", utc(now))
			.param("maxConsecutive", this.properties.maxConsecutiveFailures())
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
	 * Takes back an attempt counted at the given instant whose password was right but
	 * whose sign-in still waits for a second factor: the right password is no failure,
	 * but the codes already counted stay counted. An attempt whose window a later one
	 * replaced, or that a lock already cleared, is left alone.
	 */
	@Transactional
	public void withdraw(UUID userId, Instant countedAt) {
		this.jdbc.sql("""
				UPDATE practice_user
				SET failed_attempts = CASE WHEN failed_attempts > 0 AND failure_window_start <= :countedAt
				                           THEN failed_attempts - 1 ELSE failed_attempts END,
				    consecutive_failures = GREATEST(consecutive_failures - 1, 0)
				WHERE id = :id
				""").param("id", userId).param("countedAt", utc(countedAt)).update();
	}

	/**
	 * Clears the counts and the step-up once the user has proved everything asked of
	 * them: tokens are issued, or the current password is right for a password change.
	 */
	@Transactional
	public void succeeded(UUID userId, Instant now) {
		this.jdbc.sql("""
				UPDATE practice_user SET failed_attempts = 0, failure_window_start = NULL, last_login_at = :now,
				  consecutive_failures = 0, step_up_required = FALSE
				WHERE id = :id
				""").param("id", userId).param("now", utc(now)).update();
	}

	/**
	 * Clears the counts and the step-up once the user has followed a recovery link to a
	 * new password, which proves as much as a second factor: the link went to the address
	 * on file. A lock still running is left alone.
	 */
	@Transactional
	public void recovered(UUID userId) {
		this.jdbc.sql("""
				UPDATE practice_user SET failed_attempts = 0, failure_window_start = NULL,
				  consecutive_failures = 0, step_up_required = FALSE
				WHERE id = :id
				""").param("id", userId).update();
	}

	/**
	 * Records that a counted attempt failed: a wrong password or code, or a code whose
	 * challenge had ended by the time it was looked at; the attempt at the limit locks,
	 * for a while, and the lock that follows others in the lock window also asks for a
	 * step-up at the next sign-in. No failure locks a user until support acts.
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
		boolean stepUp = recentLocks >= this.properties.locksBeforeStepUp();
		Instant lockedUntil = now.plus(this.properties.lockDuration());
		int locked = this.jdbc.sql("""
				UPDATE practice_user
				SET locked_until = :lockedUntil, step_up_required = step_up_required OR :stepUp,
				    failed_attempts = 0, failure_window_start = NULL
				WHERE id = :id AND NOT locked_permanently AND (locked_until IS NULL OR locked_until <= :now)
				""")
			.param("id", user.id())
			.param("now", utc(now))
			.param("lockedUntil", utc(lockedUntil))
			.param("stepUp", stepUp)
			.update();
		if (locked == 1) {
			this.events.publishEvent(new UserLocked(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email(), lockedUntil));
			this.audit.record(AuditAction.LOCK, stepUp ? "TEMPORARY_THEN_STEP_UP" : "TEMPORARY", user.id(),
					user.practiceId());
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * An attempt as counted: a password sign-in, a second-factor code or a password
	 * change.
	 *
	 * @param user the user the attempt is for, when there is one who may sign in (active,
	 * with a password)
	 * @param number the attempt's number within the failure window when what was typed
	 * may be checked; empty when there is no such user, or they are locked or over the
	 * limit
	 */
	public record Attempt(@Nullable PracticeUser user, OptionalInt number) {

		static final Attempt NO_USER = new Attempt(null, OptionalInt.empty());

	}

}
