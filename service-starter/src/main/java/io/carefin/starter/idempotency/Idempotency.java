package io.carefin.starter.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.starter.security.Caller;

/**
 * Runs a money-moving request at most once per {@code Idempotency-Key}. A key is claimed
 * in its own transaction before the request runs, so a second request with the same key
 * sees it in flight (409) rather than running too; the request's effect and its answer
 * are then committed together, so a crash can never leave an effect without the answer a
 * retry replays. The same key with the same request replays that answer (status,
 * {@code Location} and the body's exact JSON bytes, written once); with a different
 * request it is refused (422). Keys are scoped per caller ({@link #scopeOf(Caller)}: the
 * practice for practice users, the staff member for staff), and a replay is served only
 * after the caller's access check has passed again, so an answer never reaches a caller
 * who may not make the request. Keys are kept for
 * {@link IdempotencyProperties#retention()}, and a claim left in flight by a crash may be
 * taken over after {@link IdempotencyProperties#lease()}.
 * <p>
 * The service's schema needs the {@code idempotency_key} table described in
 * {@code docs/architecture.md}.
 */
public class Idempotency {

	/**
	 * The request header that carries the key.
	 */
	public static final String HEADER = "Idempotency-Key";

	/**
	 * The response header set on an answer that is a replay.
	 */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final IdempotencyProperties properties;

	public Idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock,
			IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Whose keys a caller's keys are: a practice user shares them with the practice's
	 * other users ({@code practice:<id>}), a staff member has their own
	 * ({@code staff:<subject>}), so one staff member never replays another's answer.
	 */
	public static String scopeOf(Caller caller) {
		return caller.isPracticeUser() ? "practice:" + caller.practiceId() : "staff:" + caller.subject();
	}

	/**
	 * Runs the request once for its key, or replays or refuses it, after the caller's
	 * access check: the check runs before any key is read, on every attempt, so a replay
	 * is served only to a caller who may make the request now.
	 * @param caller who asks; their keys are {@link #scopeOf(Caller)}
	 * @param key the request's {@code Idempotency-Key} header, {@code null} when absent
	 * @param operation what the request does, such as
	 * {@code POST /api/transactions/purchases}
	 * @param request the request's body (or anything that identifies what it asks for)
	 * @param access refuses the caller (by throwing) when they may not make the request,
	 * or answers what the action needs to know of them (such as the practice they act
	 * for)
	 * @param action runs the request, given what the access check answered, in the
	 * transaction that will also store its answer
	 * @param <T> what the access check answers
	 * @return the answer, first or replayed
	 * @throws IdempotencyProblem when the key is missing, reused or in flight
	 */
	public <T> ResponseEntity<?> once(Caller caller, @Nullable String key, String operation, Object request,
			Supplier<T> access, Function<T, ? extends ResponseEntity<?>> action) {
		T allowed = access.get();
		if (key == null || !VALID_KEY.matcher(key).matches()) {
			throw IdempotencyProblem.missingKey();
		}
		String scope = scopeOf(caller);
		String fingerprint = fingerprint(operation, request);
		Instant claimedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<ResponseEntity<?>> replay = this.transactions
			.execute((status) -> claim(scope, key, fingerprint, claimedAt));
		if (replay != null && replay.isPresent()) {
			return replay.get();
		}
		try {
			return this.transactions.execute((status) -> {
				ResponseEntity<?> answer = verbatim(action.apply(allowed));
				complete(scope, key, claimedAt, answer);
				return answer;
			});
		}
		catch (RuntimeException | Error ex) {
			release(scope, key, claimedAt);
			throw ex;
		}
	}

	/**
	 * Forgets keys whose retention has passed.
	 * @return how many were forgotten
	 */
	public int purgeExpired() {
		return this.jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < :now")
			.param("now", utc(this.clock.instant()))
			.update();
	}

	private Optional<ResponseEntity<?>> claim(String scope, String key, String fingerprint, Instant claimedAt) {
		int claimed = this.jdbc.sql("""
				INSERT INTO idempotency_key (scope, idem_key, fingerprint, state, claimed_at, expires_at)
				VALUES (:scope, :key, :fingerprint, 'IN_FLIGHT', :claimedAt, :expiresAt)
				ON CONFLICT (scope, idem_key) DO NOTHING
				""")
			.param("scope", scope)
			.param("key", key)
			.param("fingerprint", fingerprint)
			.param("claimedAt", utc(claimedAt))
			.param("expiresAt", utc(claimedAt.plus(this.properties.retention())))
			.update();
		if (claimed == 1) {
			return Optional.empty();
		}
		StoredKey stored = this.jdbc.sql("""
				SELECT fingerprint, state, claimed_at, expires_at, status, location, body FROM idempotency_key
				WHERE scope = :scope AND idem_key = :key FOR UPDATE
				""")
			.param("scope", scope)
			.param("key", key)
			.query((rs, row) -> new StoredKey(rs.getString("fingerprint"), rs.getString("state"),
					rs.getObject("claimed_at", OffsetDateTime.class).toInstant(),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getInt("status"),
					rs.getString("location"), rs.getString("body")))
			.single();
		boolean expired = stored.expiresAt().isBefore(claimedAt);
		boolean abandoned = "IN_FLIGHT".equals(stored.state())
				&& stored.claimedAt().plus(this.properties.lease()).isBefore(claimedAt);
		if (expired || (abandoned && stored.fingerprint().equals(fingerprint))) {
			reclaim(scope, key, fingerprint, claimedAt);
			return Optional.empty();
		}
		if (!stored.fingerprint().equals(fingerprint)) {
			throw IdempotencyProblem.reusedKey();
		}
		if ("IN_FLIGHT".equals(stored.state())) {
			throw IdempotencyProblem.inFlight();
		}
		return Optional.of(replay(stored));
	}

	private void reclaim(String scope, String key, String fingerprint, Instant claimedAt) {
		this.jdbc.sql("""
				UPDATE idempotency_key SET fingerprint = :fingerprint, state = 'IN_FLIGHT', claimed_at = :claimedAt,
				expires_at = :expiresAt, status = NULL, location = NULL, body = NULL
				WHERE scope = :scope AND idem_key = :key
				""")
			.param("scope", scope)
			.param("key", key)
			.param("fingerprint", fingerprint)
			.param("claimedAt", utc(claimedAt))
			.param("expiresAt", utc(claimedAt.plus(this.properties.retention())))
			.update();
	}

	private void complete(String scope, String key, Instant claimedAt, ResponseEntity<?> answer) {
		URI location = answer.getHeaders().getLocation();
		int completed = this.jdbc.sql("""
				UPDATE idempotency_key SET state = 'COMPLETED', status = :status, location = :location, body = :body
				WHERE scope = :scope AND idem_key = :key AND claimed_at = :claimedAt AND state = 'IN_FLIGHT'
				""")
			.param("scope", scope)
			.param("key", key)
			.param("claimedAt", utc(claimedAt))
			.param("status", answer.getStatusCode().value())
			.param("location", (location != null) ? location.toString() : null)
			.param("body", (answer.getBody() instanceof byte[] body) ? new String(body, StandardCharsets.UTF_8) : null)
			.update();
		if (completed != 1) {
			// another request took the key over after our lease ran out: it owns the
			// answer
			throw IdempotencyProblem.inFlight();
		}
	}

	private void release(String scope, String key, Instant claimedAt) {
		this.jdbc.sql("""
				DELETE FROM idempotency_key
				WHERE scope = :scope AND idem_key = :key AND claimed_at = :claimedAt AND state = 'IN_FLIGHT'
				""").param("scope", scope).param("key", key).param("claimedAt", utc(claimedAt)).update();
	}

	/**
	 * The answer with its body written to JSON once, here: these bytes are what the first
	 * request gets and what is stored, so a replay answers them unchanged
	 * ({@code 1200.00} stays {@code 1200.00}, fields keep their order).
	 */
	private ResponseEntity<?> verbatim(ResponseEntity<?> answer) {
		if (answer.getBody() == null) {
			return answer;
		}
		byte[] body = this.json.writeValueAsBytes(answer.getBody());
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	private ResponseEntity<?> replay(StoredKey stored) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status()).header(REPLAYED_HEADER, "true");
		if (stored.location() != null) {
			answer.header(HttpHeaders.LOCATION, stored.location());
		}
		if (stored.body() == null) {
			return answer.build();
		}
		return answer.contentType(MediaType.APPLICATION_JSON).body(stored.body().getBytes(StandardCharsets.UTF_8));
	}

	private String fingerprint(String operation, Object request) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(operation.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(this.json.writeValueAsBytes(request));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record StoredKey(String fingerprint, String state, Instant claimedAt, Instant expiresAt, int status,
			@Nullable String location, @Nullable String body) {

	}

}
