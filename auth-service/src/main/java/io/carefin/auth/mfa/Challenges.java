package io.carefin.auth.mfa;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-ins waiting for their second factor, and the codes sent for them.
 */
@Repository
class Challenges {

	private static final String OPEN = """
			WHERE id = :id AND purpose = :purpose AND completed_at IS NULL AND expires_at > :now
			  AND wrong_tries < :maxWrongTries
			""";

	private final JdbcClient jdbc;

	Challenges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID open(UUID userId, Purpose purpose, Instant now, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO mfa_challenge (id, user_id, purpose, created_at, expires_at)
				VALUES (:id, :userId, :purpose, :now, :expiresAt)
				""")
			.param("id", id)
			.param("purpose", purpose.name())
			.param("userId", userId)
			.param("now", utc(now))
			.param("expiresAt", utc(expiresAt))
			.update();
		return id;
	}

	/**
	 * The user a challenge still open at the given instant is for, read without a lock.
	 */
	Optional<UUID> userOfOpen(UUID id, Purpose purpose, Instant now, int maxWrongTries) {
		return this.jdbc.sql("SELECT user_id FROM mfa_challenge " + OPEN)
			.param("id", id)
			.param("purpose", purpose.name())
			.param("now", utc(now))
			.param("maxWrongTries", maxWrongTries)
			.query(UUID.class)
			.optional();
	}

	/**
	 * A challenge still open at the given instant, locked for the caller's transaction.
	 */
	Optional<Challenge> lockOpen(UUID id, Purpose purpose, Instant now, int maxWrongTries) {
		return this.jdbc
			.sql("SELECT id, user_id, code_hash, code_expires_at, last_sent_at FROM mfa_challenge " + OPEN
					+ "FOR UPDATE")
			.param("id", id)
			.param("purpose", purpose.name())
			.param("now", utc(now))
			.param("maxWrongTries", maxWrongTries)
			.query((row, i) -> new Challenge(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
					row.getBytes("code_hash"), instant(row.getObject("code_expires_at", OffsetDateTime.class)),
					instant(row.getObject("last_sent_at", OffsetDateTime.class))))
			.optional();
	}

	void codeSent(UUID id, UUID userId, Method method, byte[] codeHash, Instant now, Instant codeExpiresAt) {
		this.jdbc.sql("""
				UPDATE mfa_challenge SET code_method = :method, code_hash = :hash, code_expires_at = :expiresAt,
				  last_sent_at = :now WHERE id = :id
				""")
			.param("id", id)
			.param("method", method.name())
			.param("hash", codeHash)
			.param("now", utc(now))
			.param("expiresAt", utc(codeExpiresAt))
			.update();
		this.jdbc.sql("INSERT INTO mfa_code_sent (user_id, sent_at) VALUES (:userId, :now)")
			.param("userId", userId)
			.param("now", utc(now))
			.update();
	}

	int codesSentSince(UUID userId, Instant since) {
		return this.jdbc.sql("SELECT count(*) FROM mfa_code_sent WHERE user_id = :userId AND sent_at > :since")
			.param("userId", userId)
			.param("since", utc(since))
			.query(Integer.class)
			.single();
	}

	void wrongTry(UUID id) {
		this.jdbc.sql("UPDATE mfa_challenge SET wrong_tries = wrong_tries + 1 WHERE id = :id").param("id", id).update();
	}

	void complete(UUID id, Instant now) {
		this.jdbc.sql("UPDATE mfa_challenge SET completed_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", utc(now))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * What a challenge is for: signing in, or confirming a factor being enrolled.
	 */
	enum Purpose {

		SIGN_IN, ENROLMENT

	}

	/**
	 * An open challenge.
	 */
	record Challenge(UUID id, UUID userId, byte @Nullable [] codeHash, @Nullable Instant codeExpiresAt,
			@Nullable Instant lastSentAt) {
	}

}
