package io.carefin.transaction.creditline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.transaction.privacy.FieldEncryption;

/**
 * The credit lines of patients' accounts, and which practices may use them. Open-to-buy
 * only changes in single guarded statements, so concurrent purchases never overdraw a
 * line.
 */
@Repository
public class CreditLines {

	private static final RowMapper<CreditLine> CREDIT_LINE = (rs, row) -> new CreditLine(
			rs.getObject("account_id", UUID.class), rs.getString("status"), rs.getBigDecimal("credit_limit"),
			rs.getBigDecimal("open_to_buy"), String.valueOf(rs.getString("account_last4")),
			String.valueOf(rs.getString("account_number_hash")));

	private final JdbcClient jdbc;

	private final AccountNumbers accountNumbers;

	private final FieldEncryption encryption;

	private final Clock clock;

	CreditLines(JdbcClient jdbc, AccountNumbers accountNumbers, FieldEncryption encryption, Clock clock) {
		this.jdbc = jdbc;
		this.accountNumbers = accountNumbers;
		this.encryption = encryption;
		this.clock = clock;
	}

	/**
	 * Opens a credit line with a new account number for a patient of a practice.
	 */
	public OpenedCreditLine open(UUID practiceId, BigDecimal limit) {
		UUID accountId = UUID.randomUUID();
		String number = this.accountNumbers.next();
		String hash = this.accountNumbers.lookupHash(number);
		String last4 = number.substring(12);
		this.jdbc.sql("""
				INSERT INTO credit_line (account_id, practice_id, credit_limit, open_to_buy, status,
				    account_number_encrypted, account_number_hash, account_last4, opened_at)
				VALUES (:account, :practice, :limit, :limit, 'ACTIVE', :encrypted, :hash, :last4, :now)
				""")
			.param("account", accountId)
			.param("practice", practiceId)
			.param("limit", limit)
			.param("encrypted", this.encryption.encrypt(number))
			.param("hash", hash)
			.param("last4", last4)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		relate(practiceId, accountId);
		return new OpenedCreditLine(accountId, last4, hash);
	}

	/**
	 * A credit line the practice may use: one opened with it or bought with at it.
	 */
	public Optional<CreditLine> ofPractice(UUID practiceId, UUID accountId) {
		return this.jdbc.sql("""
				SELECT c.* FROM credit_line c
				WHERE c.account_id = :account AND (c.practice_id = :practice OR EXISTS (
				    SELECT 1 FROM practice_account p WHERE p.practice_id = :practice AND p.account_id = c.account_id))
				""").param("account", accountId).param("practice", practiceId).query(CREDIT_LINE).optional();
	}

	/**
	 * A credit line by its account id, for any practice.
	 */
	public Optional<CreditLine> find(UUID accountId) {
		return this.jdbc.sql("SELECT * FROM credit_line WHERE account_id = :account")
			.param("account", accountId)
			.query(CREDIT_LINE)
			.optional();
	}

	/**
	 * A credit line by its full account number, for any practice.
	 */
	public Optional<CreditLine> byAccountNumber(String accountNumber) {
		if (!AccountNumbers.isValid(accountNumber)) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT * FROM credit_line WHERE account_number_hash = :hash")
			.param("hash", this.accountNumbers.lookupHash(accountNumber))
			.query(CREDIT_LINE)
			.optional();
	}

	/**
	 * Lets a practice use a credit line from now on.
	 */
	public void relate(UUID practiceId, UUID accountId) {
		this.jdbc.sql("""
				INSERT INTO practice_account (practice_id, account_id, since) VALUES (:practice, :account, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("practice", practiceId)
			.param("account", accountId)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Takes an amount from open-to-buy if the line is active and has that much left, in
	 * one statement, so that concurrent charges never overdraw it.
	 * @return whether it was taken
	 */
	public boolean charge(UUID accountId, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE credit_line SET open_to_buy = open_to_buy - :amount
				WHERE account_id = :accountId AND status = 'ACTIVE' AND open_to_buy >= :amount
				""").param("accountId", accountId).param("amount", amount).update() == 1;
	}

	/**
	 * Gives back open-to-buy for a payment, refund or void, never beyond the credit
	 * limit.
	 * @return whether the account has a credit line here
	 */
	public boolean freeOpenToBuy(UUID accountId, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE credit_line SET open_to_buy = least(credit_limit, open_to_buy + :amount)
				WHERE account_id = :accountId
				""").param("accountId", accountId).param("amount", amount).update() == 1;
	}

	/**
	 * The account's full number, decrypted: only for the patient's own card or letter,
	 * never for logs, events or answers.
	 */
	public Optional<String> accountNumber(UUID accountId) {
		return this.jdbc.sql("SELECT account_number_encrypted FROM credit_line WHERE account_id = :account")
			.param("account", accountId)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.map(this.encryption::decrypt);
	}

}
