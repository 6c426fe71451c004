package io.carefin.notification.patient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.ApplicationApproved;

/**
 * The patients by financing account, kept from {@link ApplicationApproved} events.
 */
@Repository
public class PatientDirectory {

	private final JdbcClient jdbc;

	private final Clock clock;

	PatientDirectory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records (or refreshes) the patient of a newly opened account. An approval on the
	 * account the patient already holds, at another practice, is recorded only if the
	 * account is not known yet: the account keeps the practice and contact it was opened
	 * with for its receipts and reminders.
	 */
	@Transactional
	public void remember(ApplicationApproved approved) {
		this.jdbc.sql("""
				INSERT INTO patient_contact (account_id, practice_id, practice_name, first_name, last_name, email,
				                             mobile, account_last4, updated_at)
				VALUES (:accountId, :practiceId, :practiceName, :firstName, :lastName, :email, :mobile, :last4, :now)
				ON CONFLICT (account_id) DO UPDATE SET practice_name = EXCLUDED.practice_name,
				    first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, email = EXCLUDED.email,
				    mobile = EXCLUDED.mobile, updated_at = EXCLUDED.updated_at
				WHERE NOT :existingAccount
				""")
			.param("accountId", approved.accountId())
			.param("practiceId", approved.practiceId())
			.param("practiceName", approved.practiceName())
			.param("firstName", approved.patient().firstName())
			.param("lastName", approved.patient().lastName())
			.param("email", approved.patient().email())
			.param("mobile", approved.patient().mobile())
			.param("last4", approved.accountLast4())
			.param("existingAccount", approved.existingAccount())
			.param("now", OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
			.update();
	}

	/**
	 * The patient of an account, when its approval has been seen.
	 */
	public Optional<PatientContact> find(UUID accountId) {
		return this.jdbc.sql("""
				SELECT account_id, practice_id, practice_name, first_name, last_name, email, mobile, account_last4
				FROM patient_contact WHERE account_id = :accountId
				""").param("accountId", accountId).query(PatientContact.class).optional();
	}

	/**
	 * The patient of an account whose approval must have been seen; an account not known
	 * yet fails the record so that it is retried and, failing that, parked for replay.
	 */
	public PatientContact require(UUID accountId) {
		return find(accountId).orElseThrow(() -> new UnknownAccountException(accountId));
	}

}
