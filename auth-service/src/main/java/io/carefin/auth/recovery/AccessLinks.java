package io.carefin.auth.recovery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.auth.token.OpaqueTokens;

/**
 * Single-use links that give a user access to their account: password resets and
 * activations. A token is 32 random bytes; only its SHA-256 is kept. Issuing a link voids
 * the user's earlier links of the same purpose; redeeming one uses it up.
 */
@Repository
public class AccessLinks {

	/**
	 * What a link is for.
	 */
	public enum Purpose {

		RESET, ACTIVATION

	}

	private final JdbcClient jdbc;

	AccessLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Issues a link's token, to be sent to the user and nowhere else.
	 */
	public String issue(UUID userId, Purpose purpose, Instant now, Duration lifetime) {
		voidLinks(userId, purpose, now);
		String token = OpaqueTokens.generate();
		this.jdbc.sql("""
				INSERT INTO password_reset (id, user_id, token_hash, created_at, expires_at, purpose)
				VALUES (:id, :userId, :hash, :now, :expiresAt, :purpose)
				""")
			.param("id", UUID.randomUUID())
			.param("userId", userId)
			.param("hash", OpaqueTokens.sha256(token))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("expiresAt", now.plus(lifetime).atOffset(ZoneOffset.UTC))
			.param("purpose", purpose.name())
			.update();
		return token;
	}

	/**
	 * The user a valid link of this purpose belongs to, locked until the caller's
	 * transaction ends.
	 */
	public Optional<UUID> holder(String token, Purpose purpose, Instant now) {
		return this.jdbc.sql("""
				SELECT user_id FROM password_reset
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now FOR UPDATE
				""")
			.param("hash", OpaqueTokens.sha256(token))
			.param("purpose", purpose.name())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query(UUID.class)
			.optional();
	}

	/**
	 * Uses up every open link of this purpose of the user.
	 */
	public void voidLinks(UUID userId, Purpose purpose, Instant now) {
		this.jdbc.sql("""
				UPDATE password_reset SET used_at = :now
				WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("userId", userId)
			.param("purpose", purpose.name())
			.update();
	}

}
