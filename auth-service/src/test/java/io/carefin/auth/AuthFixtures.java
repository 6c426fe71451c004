package io.carefin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.password.Passwords;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.testsupport.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Practices and users for tests, stored the way the service stores them.
 */
@TestComponent
public class AuthFixtures {

	public static final String PASSWORD = "correct horse battery staple";

	private static final Pattern ACTIVATION_TOKEN = Pattern.compile("\"activationToken\":\"([A-Za-z0-9_-]+)\"");

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
		UUID practice = practice("Practice " + UUID.randomUUID());
		String userId = "user-" + UUID.randomUUID();
		user(practice, userId, userId + "@example.test", "PRACTICE_ADMIN", status, passwordHash);
		return userId;
	}

	/**
	 * A new open practice with the given name and no users; returns its id.
	 */
	public UUID practice(String name) {
		UUID practice = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO practice (id, name) VALUES (:id, :name)")
			.param("id", practice)
			.param("name", name)
			.update();
		return practice;
	}

	/**
	 * A user of a practice with the given role, status and password hash (none for an
	 * invited user), allowed to manage users, take purchases and read reports.
	 */
	public void user(UUID practice, String userId, String email, String role, String status,
			@Nullable String passwordHash) {
		this.jdbc
			.sql("""
					INSERT INTO practice_user (id, practice_id, user_id, email, password_hash, role, permissions, status, created_at)
					VALUES (:id, :practice, :userId, :email, :hash, :role, :permissions, :status, :now)
					""")
			.param("id", UUID.randomUUID())
			.param("practice", practice)
			.param("userId", userId)
			.param("email", email)
			.param("role", role)
			.param("hash", passwordHash)
			.param("permissions", List.of("MANAGE_USERS", "PROCESS_PURCHASES", "VIEW_REPORTS").toArray(String[]::new))
			.param("status", status)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * A practice user's password hash for {@link #PASSWORD}.
	 */
	public String passwordHash() {
		return this.passwords.hash(PASSWORD);
	}

	/**
	 * The token of the first activation link sent to the user that is none of the given
	 * ones, read from {@code auth.recoveries} as notification-service reads it.
	 */
	public static String activationToken(String userId, String... earlier) {
		Set<String> seen = Set.of(earlier);
		Matcher token = ACTIVATION_TOKEN.matcher(KafkaTestClient.awaitRecord(RecoveryEvent.TOPIC, (record) -> {
			Matcher candidate = ACTIVATION_TOKEN.matcher(record.value());
			return record.value().contains("UserInvited")
					&& record.value().contains("\"signInUserId\":\"" + userId + "\"") && candidate.find()
					&& !seen.contains(candidate.group(1));
		}, Duration.ofSeconds(20)).value());
		assertThat(token.find()).isTrue();
		return token.group(1);
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
