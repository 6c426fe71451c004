package io.carefin.auth.token;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque refresh tokens, kept only as SHA-256 hashes. A family is one sign-in session:
 * each use rotates the token within its family, and presenting a token that was already
 * rotated revokes the family, since either its holder or a thief is replaying it.
 */
@Repository
class RefreshTokens {

	private final JdbcClient jdbc;

	private final TokenProperties properties;

	RefreshTokens(JdbcClient jdbc, TokenProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Issues the next token of a session.
	 */
	String issue(UUID userId, UUID familyId, Instant familyExpiresAt, Instant now) {
		String token = OpaqueTokens.generate();
		Instant idleExpiry = now.plus(this.properties.idleTimeout());
		this.jdbc
			.sql("""
					INSERT INTO refresh_token (id, family_id, user_id, token_hash, issued_at, idle_expires_at, family_expires_at)
					VALUES (:id, :familyId, :userId, :hash, :now, :idleExpiresAt, :familyExpiresAt)
					""")
			.param("id", UUID.randomUUID())
			.param("familyId", familyId)
			.param("userId", userId)
			.param("hash", OpaqueTokens.sha256(token))
			.param("now", utc(now))
			.param("idleExpiresAt", utc(idleExpiry.isBefore(familyExpiresAt) ? idleExpiry : familyExpiresAt))
			.param("familyExpiresAt", utc(familyExpiresAt))
			.update();
		return token;
	}

	/**
	 * Marks a presented token as used and tells what it may be exchanged for.
	 */
	Use use(String token, Instant now) {
		Optional<Stored> found = this.jdbc.sql("""
				SELECT id, family_id, user_id, idle_expires_at, family_expires_at, rotated_at, revoked_at
				FROM refresh_token WHERE token_hash = :hash FOR UPDATE
				""")
			.param("hash", OpaqueTokens.sha256(token))
			.query((row, i) -> new Stored(row.getObject("id", UUID.class), row.getObject("family_id", UUID.class),
					row.getObject("user_id", UUID.class), row.getTimestamp("idle_expires_at").toInstant(),
					row.getTimestamp("family_expires_at").toInstant(), row.getTimestamp("rotated_at") != null,
					row.getTimestamp("revoked_at") != null))
			.optional();
		if (found.isEmpty()) {
			return new Use.Unknown();
		}
		Stored stored = found.get();
		if (stored.rotated()) {
			revokeFamily(stored.familyId(), now);
			return new Use.Replayed(stored.userId(), stored.familyId());
		}
		if (stored.revoked() || !now.isBefore(stored.idleExpiresAt())) {
			return new Use.Expired();
		}
		this.jdbc.sql("UPDATE refresh_token SET rotated_at = :now WHERE id = :id")
			.param("now", utc(now))
			.param("id", stored.id())
			.update();
		return new Use.Rotated(stored.userId(), stored.familyId(), stored.familyExpiresAt());
	}

	/**
	 * Whether a session still has a refresh token that is neither used, revoked nor past
	 * its idle timeout or lifetime.
	 */
	boolean familyActive(UUID familyId, Instant now) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM refresh_token WHERE family_id = :familyId AND revoked_at IS NULL
					AND rotated_at IS NULL AND idle_expires_at > :now AND family_expires_at > :now)
				""").param("familyId", familyId).param("now", utc(now)).query(Boolean.class).single();
	}

	void revokeFamily(UUID familyId, Instant now) {
		this.jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
			.param("now", utc(now))
			.param("familyId", familyId)
			.update();
	}

	void revokeAll(UUID userId, Instant now) {
		this.jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
			.param("now", utc(now))
			.param("userId", userId)
			.update();
	}

	/**
	 * Revokes every session of a user but one, and tells which sessions it ended.
	 */
	List<UUID> revokeAllBut(UUID userId, UUID keptFamilyId, Instant now) {
		return this.jdbc.sql("""
				UPDATE refresh_token SET revoked_at = :now
				WHERE user_id = :userId AND family_id <> :keptFamilyId AND revoked_at IS NULL
				RETURNING family_id
				""")
			.param("now", utc(now))
			.param("userId", userId)
			.param("keptFamilyId", keptFamilyId)
			.query(UUID.class)
			.list()
			.stream()
			.distinct()
			.toList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Stored(UUID id, UUID familyId, UUID userId, Instant idleExpiresAt, Instant familyExpiresAt,
			boolean rotated, boolean revoked) {
	}

	/**
	 * What presenting a refresh token came to.
	 */
	sealed interface Use {

		/**
		 * The token was valid and is now used; a new one of the same family may be
		 * issued.
		 */
		record Rotated(UUID userId, UUID familyId, Instant familyExpiresAt) implements Use {
		}

		/**
		 * The token had been used before; its whole family is now revoked.
		 */
		record Replayed(UUID userId, UUID familyId) implements Use {
		}

		/**
		 * The token's session has ended: idle too long, past its lifetime, or revoked.
		 */
		record Expired() implements Use {
		}

		/**
		 * No such token.
		 */
		record Unknown() implements Use {
		}

	}

}
