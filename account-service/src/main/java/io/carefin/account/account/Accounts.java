package io.carefin.account.account;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.CreditLineOpened;

/**
 * Patients' accounts and the practices that may see them.
 */
@Repository
public class Accounts {

	private final JdbcClient jdbc;

	private final PatientKeys keys;

	private final JsonMapper json;

	Accounts(JdbcClient jdbc, PatientKeys keys, JsonMapper json) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.json = json;
	}

	/**
	 * Opens the account of a new credit line, and lets the practice the patient applied
	 * at see it. An account already open keeps its profile, limit and balance.
	 */
	void open(CreditLineOpened opened) {
		open(opened.accountId(), opened.accountLast4(), opened.accountNumberHash(),
				new PatientProfile(opened.patient().firstName(), opened.patient().lastName(), opened.patient().email(),
						opened.patient().mobile(), opened.dateOfBirth(), opened.address()),
				opened.creditLimit(), opened.occurredAt(), opened.eventId());
		linkPractice(opened.accountId(), opened.practiceId(), opened.practiceName(), opened.occurredAt());
	}

	/**
	 * Opens the account an approval written before {@link CreditLineOpened} existed
	 * describes (it carries the date of birth and address), and lets the practice see it;
	 * an account already open (the same approval again, or an approval on the account the
	 * patient already holds) keeps its profile, limit and balance and only gains the
	 * practice. Whichever approval of an account arrives first opens it, so their order
	 * across partitions does not matter.
	 */
	void openFromLegacyApproval(ApplicationApproved approval, LocalDate dateOfBirth, Address address) {
		open(approval.accountId(), approval.accountLast4(), approval.accountNumberHash(),
				new PatientProfile(approval.patient().firstName(), approval.patient().lastName(),
						approval.patient().email(), approval.patient().mobile(), dateOfBirth, address),
				approval.creditLimit(), approval.occurredAt(), approval.eventId());
		linkPractice(approval.accountId(), approval.practiceId(), approval.practiceName(), approval.occurredAt());
	}

	private void open(UUID accountId, String last4, String numberHash, PatientProfile profile, BigDecimal limit,
			Instant openedAt, UUID eventId) {
		this.jdbc.sql("""
				INSERT INTO account (id, last4, number_hash, identity_hash, profile, credit_limit, status, opened_at,
				                     opened_by_event_id)
				VALUES (:id, :last4, :numberHash, :identityHash, :profile, :limit, 'ACTIVE', :openedAt, :eventId)
				ON CONFLICT (id) DO NOTHING
				""")
			.param("id", accountId)
			.param("last4", last4)
			.param("numberHash", numberHash)
			.param("identityHash", this.keys.identityHash(profile.lastName(), profile.dateOfBirth()))
			.param("profile", this.keys.encrypt(this.json.writeValueAsBytes(profile)))
			.param("limit", limit)
			.param("openedAt", utc(openedAt))
			.param("eventId", eventId)
			.update();
	}

	/**
	 * Lets a practice see an account from now on (it applied or bought there).
	 */
	public void linkPractice(UUID accountId, UUID practiceId, String practiceName, Instant since) {
		this.jdbc.sql("""
				INSERT INTO account_practice (account_id, practice_id, practice_name, since)
				VALUES (:account, :practice, :name, :since) ON CONFLICT DO NOTHING
				""")
			.param("account", accountId)
			.param("practice", practiceId)
			.param("name", practiceName)
			.param("since", utc(since))
			.update();
	}

	/**
	 * Locks an account's row for a change to its ledger, so that one account's changes
	 * apply one after the other.
	 * @return the account's last 4, or empty when no such account is open
	 */
	public Optional<String> lockForUpdate(UUID accountId) {
		return this.jdbc.sql("SELECT last4 FROM account WHERE id = :id FOR UPDATE")
			.param("id", accountId)
			.query(String.class)
			.optional();
	}

	/**
	 * Sets an account's status.
	 */
	public void status(UUID accountId, AccountStatus status) {
		this.jdbc.sql("UPDATE account SET status = :status WHERE id = :id")
			.param("status", status.name())
			.param("id", accountId)
			.update();
	}

	public Optional<Account> find(UUID accountId) {
		return this.jdbc.sql("SELECT * FROM account WHERE id = :id")
			.param("id", accountId)
			.query(this::account)
			.optional();
	}

	/**
	 * The accounts with the given ids, by id; an unknown id is left out.
	 */
	public Map<UUID, Account> findAll(Collection<UUID> accountIds) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT * FROM account WHERE id IN (:ids)")
			.param("ids", List.copyOf(accountIds))
			.query(this::account)
			.list()
			.stream()
			.collect(Collectors.toMap(Account::id, Function.identity()));
	}

	public boolean exists(UUID accountId) {
		return this.jdbc.sql("SELECT count(*) FROM account WHERE id = :id")
			.param("id", accountId)
			.query(Integer.class)
			.single() == 1;
	}

	/**
	 * Whether the patient applied or bought at the practice.
	 */
	public boolean visibleTo(UUID accountId, UUID practiceId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM account_practice p JOIN account a ON a.id = p.account_id
				WHERE p.account_id = :account AND p.practice_id = :practice
				""").param("account", accountId).param("practice", practiceId).query(Integer.class).single() == 1;
	}

	public List<Account> byAccountNumber(String digits) {
		return this.jdbc.sql("SELECT * FROM account WHERE number_hash = :hash")
			.param("hash", this.keys.accountNumberHash(digits))
			.query(this::account)
			.list();
	}

	public List<Account> byLastNameAndDateOfBirth(String lastName, LocalDate dateOfBirth) {
		return this.jdbc.sql("SELECT * FROM account WHERE identity_hash = :hash ORDER BY opened_at")
			.param("hash", this.keys.identityHash(lastName, dateOfBirth))
			.query(this::account)
			.list();
	}

	private Account account(ResultSet row, int number) throws SQLException {
		PatientProfile profile = this.json.readValue(this.keys.decrypt(row.getBytes("profile")), PatientProfile.class);
		return new Account(row.getObject("id", UUID.class), row.getString("last4"), row.getBigDecimal("credit_limit"),
				row.getString("status"), row.getBigDecimal("balance"),
				row.getObject("opened_at", OffsetDateTime.class).toInstant(), profile);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
