package io.carefin.auth.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Practices as stored, by id, or listed by name.
 */
@Repository
class Practices {

	private static final String SELECT = """
			SELECT id, name, merchant_id, practice_code, time_zone, address_line1, address_line2, address_city,
			       address_state, address_postal_code, support_name, support_email, support_phone, status,
			       closed_reason, enrolled_at, closed_at
			FROM practice
			""";

	private final JdbcClient jdbc;

	Practices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Practice> byId(UUID id) {
		return this.jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(Practices::map).optional();
	}

	/**
	 * The practice, locked until the caller's transaction ends.
	 */
	Optional<Practice> byIdForUpdate(UUID id) {
		return this.jdbc.sql(SELECT + "WHERE id = :id FOR UPDATE").param("id", id).query(Practices::map).optional();
	}

	/**
	 * The practices whose name or code contains the query (all without one), by name.
	 */
	List<Practice> find(@Nullable String query) {
		String part = (query == null || query.isBlank()) ? "%" : "%"
				+ query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return this.jdbc.sql(SELECT + """
				WHERE lower(name) LIKE :part ESCAPE '\\' OR lower(coalesce(practice_code, '')) LIKE :part ESCAPE '\\'
				ORDER BY lower(name), id
				""").param("part", part).query(Practices::map).list();
	}

	boolean codeTaken(String practiceCode, UUID except) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM practice WHERE practice_code = :code AND id <> :id)")
			.param("code", practiceCode)
			.param("id", except)
			.query(Boolean.class)
			.single();
	}

	boolean merchantIdTaken(String merchantId, UUID except) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM practice WHERE merchant_id = :merchantId AND id <> :id)")
			.param("merchantId", merchantId)
			.param("id", except)
			.query(Boolean.class)
			.single();
	}

	void add(Practice practice) {
		this.jdbc.sql("""
				INSERT INTO practice (id, name, mfa_required, merchant_id, practice_code, time_zone, address_line1,
				  address_line2, address_city, address_state, address_postal_code, support_name, support_email,
				  support_phone, status, enrolled_at)
				VALUES (:id, :name, FALSE, :merchantId, :practiceCode, :timeZone, :line1, :line2, :city, :state,
				  :postalCode, :supportName, :supportEmail, :supportPhone, :status, :enrolledAt)
				""")
			.param("id", practice.id())
			.param("enrolledAt", practice.enrolledAt().atOffset(ZoneOffset.UTC))
			.params(columns(practice))
			.update();
	}

	void save(Practice practice) {
		this.jdbc.sql("""
				UPDATE practice SET name = :name, merchant_id = :merchantId, practice_code = :practiceCode,
				  time_zone = :timeZone, address_line1 = :line1, address_line2 = :line2, address_city = :city,
				  address_state = :state, address_postal_code = :postalCode, support_name = :supportName,
				  support_email = :supportEmail, support_phone = :supportPhone, status = :status,
				  closed_reason = :closedReason, closed_at = :closedAt
				WHERE id = :id
				""").param("id", practice.id()).params(columns(practice)).update();
	}

	private static Practice map(ResultSet row, int rowNumber) throws SQLException {
		String line1 = row.getString("address_line1");
		String supportName = row.getString("support_name");
		return new Practice(row.getObject("id", UUID.class), row.getString("name"), row.getString("merchant_id"),
				row.getString("practice_code"), row.getString("time_zone"),
				(line1 != null)
						? new Practice.Address(line1, row.getString("address_line2"), row.getString("address_city"),
								row.getString("address_state"), row.getString("address_postal_code"))
						: null,
				(supportName != null) ? new Practice.SupportContact(supportName, row.getString("support_email"),
						row.getString("support_phone")) : null,
				Practice.Status.valueOf(row.getString("status")), row.getString("closed_reason"),
				row.getTimestamp("enrolled_at").toInstant(), instant(row.getTimestamp("closed_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A practice's changeable columns as named parameters.
	 */
	private static Map<String, @Nullable Object> columns(Practice practice) {
		Practice.Address address = practice.address();
		Practice.SupportContact contact = practice.supportContact();
		Map<String, @Nullable Object> columns = new HashMap<>();
		columns.put("name", practice.name());
		columns.put("merchantId", practice.merchantId());
		columns.put("practiceCode", practice.practiceCode());
		columns.put("timeZone", practice.timeZone());
		columns.put("line1", (address != null) ? address.line1() : null);
		columns.put("line2", (address != null) ? address.line2() : null);
		columns.put("city", (address != null) ? address.city() : null);
		columns.put("state", (address != null) ? address.state() : null);
		columns.put("postalCode", (address != null) ? address.postalCode() : null);
		columns.put("supportName", (contact != null) ? contact.name() : null);
		columns.put("supportEmail", (contact != null) ? contact.email() : null);
		columns.put("supportPhone", (contact != null) ? contact.phone() : null);
		columns.put("status", practice.status().name());
		columns.put("closedReason", practice.closedReason());
		Instant closedAt = practice.closedAt();
		columns.put("closedAt", (closedAt != null) ? closedAt.atOffset(ZoneOffset.UTC) : null);
		return columns;
	}

}
