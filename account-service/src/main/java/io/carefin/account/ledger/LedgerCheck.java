package io.carefin.account.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes every account's balance and every promotional balance from the ledger
 * entries and reports any that differ from what the account shows.
 */
@Component
public class LedgerCheck {

	private final JdbcClient jdbc;

	LedgerCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Checks one account, or all ({@code null}).
	 */
	public Result check(@Nullable UUID accountId) {
		List<Mismatch> accounts = this.jdbc.sql("""
				SELECT a.id, a.balance, coalesce(sum(e.amount), 0.00) AS entries FROM account a
				LEFT JOIN ledger_entry e ON e.account_id = a.id
				WHERE CAST(:account AS UUID) IS NULL OR a.id = :account
				GROUP BY a.id, a.balance HAVING a.balance <> coalesce(sum(e.amount), 0.00)
				""")
			.param("account", accountId)
			.query((row, n) -> new Mismatch("account", row.getObject("id", UUID.class), row.getBigDecimal("balance"),
					row.getBigDecimal("entries")))
			.list();
		List<Mismatch> promotions = this.jdbc.sql("""
				SELECT p.purchase_id, p.remaining, coalesce(sum(e.amount), 0.00) AS entries FROM promotion_balance p
				LEFT JOIN ledger_entry e ON e.purchase_id = p.purchase_id
				WHERE CAST(:account AS UUID) IS NULL OR p.account_id = :account
				GROUP BY p.purchase_id, p.remaining HAVING p.remaining <> coalesce(sum(e.amount), 0.00)
				""")
			.param("account", accountId)
			.query((row, n) -> new Mismatch("promotion", row.getObject("purchase_id", UUID.class),
					row.getBigDecimal("remaining"), row.getBigDecimal("entries")))
			.list();
		int checked = this.jdbc
			.sql("SELECT count(*) FROM account WHERE CAST(:account AS UUID) IS NULL OR id = :account")
			.param("account", accountId)
			.query(Integer.class)
			.single();
		return new Result(checked, Stream.concat(accounts.stream(), promotions.stream()).toList());
	}

	/**
	 * What the check found.
	 *
	 * @param accountsChecked how many accounts it recomputed
	 * @param mismatches the balances that differ from the sum of their entries
	 */
	public record Result(int accountsChecked, List<Mismatch> mismatches) {

	}

	/**
	 * A balance that differs from the sum of its entries.
	 *
	 * @param what {@code account} or {@code promotion}
	 * @param id the account or purchase
	 * @param shown what the balance shows
	 * @param entries the sum of its entries
	 */
	public record Mismatch(String what, UUID id, BigDecimal shown, BigDecimal entries) {

	}

}
