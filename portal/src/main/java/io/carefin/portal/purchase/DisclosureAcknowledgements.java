package io.carefin.portal.purchase;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The patients' acknowledgements of plan disclosures, one per approved purchase, in the
 * portal's own database (the API's purchase has no field for it).
 */
@Repository
class DisclosureAcknowledgements {

	private final JdbcTemplate jdbc;

	DisclosureAcknowledgements(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the acknowledgement of a purchase once; a replayed purchase keeps the
	 * first.
	 */
	void record(UUID purchaseId, UUID practiceId, String planCode, String version, String userId, Instant at) {
		this.jdbc.update("""
				INSERT INTO disclosure_acknowledgement (purchase_id, practice_id, plan_code, disclosure_version,
				    acknowledged_by, acknowledged_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (purchase_id) DO NOTHING
				""", purchaseId, practiceId, planCode, version, userId, Timestamp.from(at));
	}

	@Nullable Acknowledgement of(UUID purchaseId, UUID practiceId) {
		List<Acknowledgement> found = this.jdbc.query(
				"SELECT disclosure_version, acknowledged_by, acknowledged_at FROM disclosure_acknowledgement "
						+ "WHERE purchase_id = ? AND practice_id = ?",
				(row, index) -> new Acknowledgement(row.getString(1), row.getString(2),
						row.getTimestamp(3).toInstant()),
				purchaseId, practiceId);
		return found.isEmpty() ? null : found.getFirst();
	}

	/**
	 * A stored acknowledgement.
	 *
	 * @param version the disclosure's version
	 * @param userId who confirmed the patient's acknowledgement
	 * @param at when
	 */
	record Acknowledgement(String version, String userId, Instant at) {

	}

}
