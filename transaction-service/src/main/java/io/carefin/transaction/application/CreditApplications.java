package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.Patient;

/**
 * The credit applications practices submitted.
 */
@Repository
class CreditApplications {

	private static final String SELECT = """
			SELECT a.*, c.account_last4 FROM credit_application a LEFT JOIN credit_line c ON c.account_id = a.account_id
			""";

	private final JdbcClient jdbc;

	CreditApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(CreditApplication application, byte[] ssnEncrypted) {
		this.jdbc.sql("""
				INSERT INTO credit_application (id, practice_id, practice_name, submitted_at, keyed_by, first_name,
				    last_name, date_of_birth, ssn_encrypted, ssn_hash, ssn_last4, address_line1, address_line2, city,
				    state, postal_code, email, mobile, annual_income, monthly_housing, requested_amount, status,
				    reasons, credit_limit, account_id, existing_account, decided_at, decided_from)
				VALUES (:id, :practice, :practiceName, :submittedAt, :keyedBy, :firstName, :lastName, :dateOfBirth,
				    :ssnEncrypted, :ssnHash, :ssnLast4, :line1, :line2, :city, :state, :postalCode, :email, :mobile,
				    :income, :housing, :requested, :status, :reasons, :creditLimit, :account, :existingAccount,
				    :decidedAt, :decidedFrom)
				""")
			.param("id", application.id())
			.param("practice", application.practiceId())
			.param("practiceName", application.practiceName())
			.param("submittedAt", utc(application.submittedAt()))
			.param("keyedBy", application.keyedBy())
			.param("firstName", application.patient().firstName())
			.param("lastName", application.patient().lastName())
			.param("dateOfBirth", application.dateOfBirth())
			.param("ssnEncrypted", ssnEncrypted)
			.param("ssnHash", application.ssnHash())
			.param("ssnLast4", application.ssnLast4())
			.param("line1", application.address().line1())
			.param("line2", application.address().line2())
			.param("city", application.address().city())
			.param("state", application.address().state())
			.param("postalCode", application.address().postalCode())
			.param("email", application.patient().email())
			.param("mobile", application.patient().mobile())
			.param("income", application.annualIncome())
			.param("housing", application.monthlyHousing())
			.param("requested", application.requestedAmount())
			.param("status", application.status())
			.param("reasons", String.join(",", application.reasons()))
			.param("creditLimit", application.creditLimit())
			.param("account", application.accountId())
			.param("existingAccount", application.existingAccount())
			.param("decidedAt", (application.decidedAt() != null) ? utc(application.decidedAt()) : null)
			.param("decidedFrom", application.decidedFrom())
			.update();
	}

	Optional<CreditApplication> ofPractice(UUID id, UUID practiceId) {
		return this.jdbc.sql(SELECT + " WHERE a.id = :id AND a.practice_id = :practice")
			.param("id", id)
			.param("practice", practiceId)
			.query(CreditApplications::application)
			.optional();
	}

	Optional<CreditApplication> lock(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE a.id = :id FOR UPDATE OF a")
			.param("id", id)
			.query(CreditApplications::application)
			.optional();
	}

	/**
	 * Makes the other transactions deciding applications of the same person wait until
	 * this one ends, so that two applications at once never open two credit lines.
	 */
	void lockPerson(String ssnHash, LocalDate dateOfBirth) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:person, 0))")
			.param("person", ssnHash + ":" + dateOfBirth)
			.query((rs, row) -> true)
			.single();
	}

	/**
	 * The person's latest application at the practice submitted since an instant.
	 */
	Optional<CreditApplication> latestOfPerson(UUID practiceId, String ssnHash, LocalDate dateOfBirth, Instant since) {
		return this.jdbc.sql(SELECT + """
				WHERE a.practice_id = :practice AND a.ssn_hash = :hash AND a.date_of_birth = :dateOfBirth
				  AND a.submitted_at >= :since
				ORDER BY a.submitted_at DESC LIMIT 1
				""")
			.param("practice", practiceId)
			.param("hash", ssnHash)
			.param("dateOfBirth", dateOfBirth)
			.param("since", utc(since))
			.query(CreditApplications::application)
			.optional();
	}

	/**
	 * The person's latest application at any practice submitted since an instant.
	 */
	Optional<CreditApplication> latestOfPerson(String ssnHash, LocalDate dateOfBirth, Instant since) {
		return this.jdbc.sql(SELECT + """
				WHERE a.ssn_hash = :hash AND a.date_of_birth = :dateOfBirth AND a.submitted_at >= :since
				ORDER BY a.submitted_at DESC LIMIT 1
				""")
			.param("hash", ssnHash)
			.param("dateOfBirth", dateOfBirth)
			.param("since", utc(since))
			.query(CreditApplications::application)
			.optional();
	}

	/**
	 * The active credit line the person holds, found through their approved applications:
	 * the first opened, should there be several from before one line per person.
	 */
	Optional<UUID> activeAccountOfPerson(String ssnHash, LocalDate dateOfBirth) {
		return this.jdbc.sql("""
				SELECT c.account_id FROM credit_line c
				WHERE c.status = 'ACTIVE' AND c.account_id IN (
				    SELECT a.account_id FROM credit_application a
				    WHERE a.ssn_hash = :hash AND a.date_of_birth = :dateOfBirth AND a.account_id IS NOT NULL)
				ORDER BY c.opened_at, c.account_id LIMIT 1
				""").param("hash", ssnHash).param("dateOfBirth", dateOfBirth).query(UUID.class).optional();
	}

	/**
	 * A page of applications, newest first: a practice's, or every practice's; all of
	 * them, or those with one status.
	 */
	Page list(@Nullable UUID practiceId, @Nullable String status, int page, int limit) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (practiceId != null) {
			conditions.add("a.practice_id = :practice");
			params.put("practice", practiceId);
		}
		if (status != null) {
			conditions.add("a.status = :status");
			params.put("status", status);
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT count(*) FROM credit_application a" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<CreditApplication> applications = this.jdbc
			.sql(SELECT + where + " ORDER BY a.submitted_at DESC, a.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", (long) page * limit)
			.query(CreditApplications::application)
			.list();
		return new Page(applications, total);
	}

	void decided(UUID id, String status, List<String> reasons, @Nullable BigDecimal creditLimit,
			@Nullable UUID accountId, boolean existingAccount, Instant at, String reviewedBy) {
		this.jdbc.sql("""
				UPDATE credit_application SET status = :status, reasons = :reasons, credit_limit = :creditLimit,
				    account_id = :account, existing_account = :existingAccount, decided_at = :at,
				    reviewed_by = :reviewedBy
				WHERE id = :id
				""")
			.param("id", id)
			.param("status", status)
			.param("reasons", String.join(",", reasons))
			.param("creditLimit", creditLimit)
			.param("account", accountId)
			.param("existingAccount", existingAccount)
			.param("at", utc(at))
			.param("reviewedBy", reviewedBy)
			.update();
	}

	private static CreditApplication application(ResultSet rs, int row) throws SQLException {
		String reasons = rs.getString("reasons");
		OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
		return new CreditApplication(rs.getObject("id", UUID.class), rs.getObject("practice_id", UUID.class),
				rs.getString("practice_name"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
				rs.getString("keyed_by"),
				new Patient(rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
						rs.getString("mobile")),
				rs.getObject("date_of_birth", LocalDate.class),
				new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("city"),
						rs.getString("state"), rs.getString("postal_code")),
				rs.getString("ssn_hash"), rs.getString("ssn_last4"), rs.getBigDecimal("annual_income"),
				rs.getBigDecimal("monthly_housing"), rs.getBigDecimal("requested_amount"), rs.getString("status"),
				reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), rs.getBigDecimal("credit_limit"),
				rs.getObject("account_id", UUID.class), rs.getString("account_last4"),
				rs.getBoolean("existing_account"), (decidedAt != null) ? decidedAt.toInstant() : null,
				rs.getString("reviewed_by") != null, rs.getObject("decided_from", UUID.class));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One page of a list of applications.
	 *
	 * @param applications the page's applications
	 * @param total how many the whole list holds
	 */
	record Page(List<CreditApplication> applications, long total) {
	}

}
