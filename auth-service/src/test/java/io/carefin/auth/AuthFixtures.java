package io.carefin.auth;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

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

	/**
	 * Whether the user is locked (for a while or until support unlocks them).
	 */
	public boolean locked(String userId) {
		return this.jdbc.sql("SELECT locked_until IS NOT NULL FROM practice_user WHERE user_id = :userId")
			.param("userId", userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * How many {@code UserLocked} events the user's locks have published.
	 */
	public int lockEvents(String userId) {
		return this.jdbc.sql(
				"SELECT count(*) FROM event_publication WHERE event_type LIKE '%UserLocked' AND serialized_event LIKE :user")
			.param("user", "%" + idOf(userId) + "%")
			.query(Integer.class)
			.single();
	}

	/**
	 * Signs a user in through the service's sign-in endpoint.
	 */
	public static RestTestClient.ResponseSpec signIn(RestTestClient http, String userId, String password) {
		return http.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(login(userId, password))
			.exchange();
	}

	/**
	 * Signs a user in, expecting success, and returns the answer.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> signedIn(RestTestClient http, String userId, String password) {
		return signIn(http, userId, password).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	public static String login(String userId, String password) {
		return "{\"userId\":\"%s\",\"password\":\"%s\"}".formatted(userId, password);
	}

}
