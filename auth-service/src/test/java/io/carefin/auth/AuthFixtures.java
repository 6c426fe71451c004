package io.carefin.auth;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.auth.password.Passwords;

/**
 * Practices and users for tests, stored the way the service stores them.
 */
@TestComponent
public class AuthFixtures {

	public static final String PASSWORD = "correct horse battery staple";

	private final JdbcClient jdbc;

	private final Passwords passwords;

	private final Clock clock;

	AuthFixtures(JdbcClient jdbc, Passwords passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * A new practice with one active user who has {@link #PASSWORD}; returns the user ID.
	 */
	public String activeUser() {
		return user("ACTIVE", this.passwords.hash(PASSWORD));
	}

	public String user(String status, String passwordHash) {
		UUID practice = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO practice (id, name) VALUES (:id, :name)")
			.param("id", practice)
			.param("name", "Practice " + practice)
			.update();
		String userId = "user-" + UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO practice_user (id, practice_id, user_id, email, password_hash, role, permissions, status, created_at)
					VALUES (:id, :practice, :userId, :email, :hash, 'PRACTICE_ADMIN', :permissions, :status, :now)
					""")
			.param("id", UUID.randomUUID())
			.param("practice", practice)
			.param("userId", userId)
			.param("email", userId + "@example.test")
			.param("hash", passwordHash)
			.param("permissions", List.of("MANAGE_USERS", "PROCESS_PURCHASES", "VIEW_REPORTS").toArray(String[]::new))
			.param("status", status)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		return userId;
	}

	public UUID idOf(String userId) {
		return this.jdbc.sql("SELECT id FROM practice_user WHERE user_id = :userId")
			.param("userId", userId)
			.query(UUID.class)
			.single();
	}

	public static String login(String userId, String password) {
		return "{\"userId\":\"%s\",\"password\":\"%s\"}".formatted(userId, password);
	}

}
