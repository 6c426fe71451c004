package io.carefin.auth.mfa;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users' second factors.
 */
@Repository
class SecondFactors {

	private final JdbcClient jdbc;

	SecondFactors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Factor> confirmed(UUID userId) {
		return this.jdbc.sql("""
				SELECT method, destination, encrypted_secret, last_used_step FROM second_factor
				WHERE user_id = :userId AND confirmed_at IS NOT NULL ORDER BY method
				""")
			.param("userId", userId)
			.query((row, i) -> new Factor(Method.valueOf(row.getString("method")), row.getString("destination"),
					row.getBytes("encrypted_secret"), row.getLong("last_used_step")))
			.list();
	}

	/**
	 * Starts an authenticator-app enrolment, replacing an unconfirmed one.
	 */
	void startTotp(UUID userId, byte[] encryptedSecret, Instant now) {
		this.jdbc.sql("""
				INSERT INTO second_factor (id, user_id, method, encrypted_secret, created_at)
				VALUES (:id, :userId, 'TOTP', :secret, :now)
				ON CONFLICT (user_id, method) DO UPDATE SET encrypted_secret = excluded.encrypted_secret,
				  created_at = excluded.created_at, last_used_step = 0
				WHERE second_factor.confirmed_at IS NULL
				""")
			.param("id", UUID.randomUUID())
			.param("userId", userId)
			.param("secret", encryptedSecret)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Starts enrolling a phone number or address; a confirmed factor of the same kind
	 * stays in use until the new one is confirmed.
	 */
	void startCodeFactor(UUID userId, Method method, String destination, Instant now) {
		this.jdbc.sql("""
				INSERT INTO second_factor (id, user_id, method, pending_destination, created_at)
				VALUES (:id, :userId, :method, :destination, :now)
				ON CONFLICT (user_id, method) DO UPDATE SET pending_destination = excluded.pending_destination
				""")
			.param("id", UUID.randomUUID())
			.param("userId", userId)
			.param("method", method.name())
			.param("destination", destination)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Makes the pending phone number or address the factor's destination.
	 */
	void confirmCodeFactor(UUID userId, Method method, Instant now) {
		this.jdbc
			.sql("""
					UPDATE second_factor SET destination = pending_destination, pending_destination = NULL, confirmed_at = :now
					WHERE user_id = :userId AND method = :method AND pending_destination IS NOT NULL
					""")
			.param("userId", userId)
			.param("method", method.name())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	byte @Nullable [] pendingTotpSecret(UUID userId) {
		return this.jdbc.sql(
				"SELECT encrypted_secret FROM second_factor WHERE user_id = :userId AND method = 'TOTP' AND confirmed_at IS NULL")
			.param("userId", userId)
			.query((row, i) -> row.getBytes(1))
			.optional()
			.orElse(null);
	}

	void confirmTotp(UUID userId, long step, Instant now) {
		this.jdbc.sql("""
				UPDATE second_factor SET confirmed_at = :now, last_used_step = :step
				WHERE user_id = :userId AND method = 'TOTP' AND confirmed_at IS NULL
				""").param("userId", userId).param("step", step).param("now", now.atOffset(ZoneOffset.UTC)).update();
	}

	/**
	 * Records the step a TOTP code was accepted for, unless a later one already was.
	 * @return whether this step is newly used
	 */
	boolean useTotpStep(UUID userId, long step) {
		return this.jdbc.sql("""
				UPDATE second_factor SET last_used_step = :step
				WHERE user_id = :userId AND method = 'TOTP' AND last_used_step < :step
				""").param("userId", userId).param("step", step).update() == 1;
	}

	/**
	 * Removes a confirmed factor. A phone number or address being enrolled as its
	 * replacement stays pending, so that its code can still confirm it.
	 * @return whether the user had such a confirmed factor
	 */
	boolean remove(UUID userId, Method method) {
		int deleted = this.jdbc
			.sql("""
					DELETE FROM second_factor
					WHERE user_id = :userId AND method = :method AND confirmed_at IS NOT NULL AND pending_destination IS NULL
					""")
			.param("userId", userId)
			.param("method", method.name())
			.update();
		return deleted == 1 || this.jdbc.sql("""
				UPDATE second_factor SET destination = NULL, confirmed_at = NULL
				WHERE user_id = :userId AND method = :method AND confirmed_at IS NOT NULL
				""").param("userId", userId).param("method", method.name()).update() == 1;
	}

	/**
	 * A confirmed second factor.
	 */
	record Factor(Method method, @Nullable String destination, byte @Nullable [] encryptedSecret, long lastUsedStep) {
	}

}
