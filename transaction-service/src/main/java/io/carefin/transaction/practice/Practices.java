package io.carefin.transaction.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.transaction.Refusal;

/**
 * The practices auth-service announced, and the rule that a closed practice takes no new
 * business. A practice without a row (the demo practices, or one whose enrolment has not
 * arrived yet) is open.
 */
@Repository
public class Practices {

	private static final Pattern PRACTICE_CODE = Pattern.compile("[A-Z0-9-]{3,32}");

	private final JdbcClient jdbc;

	Practices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The practice, if auth-service announced it.
	 */
	public Optional<Practice> find(UUID practiceId) {
		return this.jdbc.sql("SELECT * FROM practice WHERE id = :id")
			.param("id", practiceId)
			.query(Practices::practice)
			.optional();
	}

	/**
	 * The open practice whose patients' link carries this code, in any case; none for a
	 * malformed code, an unknown or closed practice, or a code two practices hold while
	 * auth-service's changes are still arriving.
	 */
	public Optional<Practice> openByCode(String practiceCode) {
		String code = practiceCode.toUpperCase(Locale.ROOT);
		if (!PRACTICE_CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		List<Practice> found = this.jdbc.sql("SELECT * FROM practice WHERE practice_code = :code LIMIT 2")
			.param("code", code)
			.query(Practices::practice)
			.list();
		return (found.size() == 1)
				? found.stream().filter((practice) -> !practice.isClosed() && practice.name() != null).findFirst()
				: Optional.empty();
	}

	/**
	 * Refuses new business (a purchase, a credit application) at a closed practice, with
	 * 409 {@code practice-closed}, before anything is changed.
	 */
	public void checkOpen(UUID practiceId) {
		if (find(practiceId).filter(Practice::isClosed).isPresent()) {
			throw Refusal.conflict("practice-closed",
					"This practice is closed; new purchases and credit applications are not accepted.");
		}
	}

	/**
	 * Records a practice's details as enrolled or changed; a closed practice stays
	 * closed.
	 */
	void save(UUID practiceId, String name, String practiceCode, String merchantId, String timeZone) {
		this.jdbc.sql("""
				INSERT INTO practice (id, name, practice_code, merchant_id, time_zone, status)
				VALUES (:id, :name, :code, :merchant, :zone, 'OPEN')
				ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, practice_code = EXCLUDED.practice_code,
				    merchant_id = EXCLUDED.merchant_id, time_zone = EXCLUDED.time_zone
				""")
			.param("id", practiceId)
			.param("name", name)
			.param("code", practiceCode)
			.param("merchant", merchantId)
			.param("zone", timeZone)
			.update();
	}

	/**
	 * Closes a practice, known here or not; closing it again keeps the first time.
	 */
	void close(UUID practiceId, Instant closedAt) {
		this.jdbc.sql("""
				INSERT INTO practice (id, status, closed_at) VALUES (:id, 'CLOSED', :at)
				ON CONFLICT (id) DO UPDATE SET status = 'CLOSED',
				    closed_at = COALESCE(practice.closed_at, EXCLUDED.closed_at)
				""").param("id", practiceId).param("at", closedAt.atOffset(ZoneOffset.UTC)).update();
	}

	private static Practice practice(ResultSet row, int n) throws SQLException {
		OffsetDateTime closedAt = row.getObject("closed_at", OffsetDateTime.class);
		return new Practice(row.getObject("id", UUID.class), row.getString("name"), row.getString("practice_code"),
				row.getString("merchant_id"), row.getString("time_zone"), row.getString("status"),
				(closedAt != null) ? closedAt.toInstant() : null);
	}

}
