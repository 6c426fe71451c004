package io.carefin.account.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.financing.PlanKind;

/**
 * The promotional balances of accounts.
 */
@Repository
public class PromotionBalances {

	private static final String COLUMNS = "*";

	private final JdbcClient jdbc;

	PromotionBalances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a purchase's balance, empty: its purchase entry fills it.
	 * @return whether it was added (not there before)
	 */
	boolean add(PromotionBalance balance) {
		return this.jdbc
			.sql("""
					INSERT INTO promotion_balance (purchase_id, account_id, practice_id, practice_name, plan_code, kind, months,
					    apr, standard_apr, amount, authorization_code, start_date, end_date, zone, status, remaining,
					    shadow_interest, processed_through)
					VALUES (:purchase, :account, :practice, :practiceName, :plan, :kind, :months, :apr, :standardApr, :amount,
					    :authorizationCode, :start, :end, :zone, :status, 0, 0, :processedThrough)
					ON CONFLICT (purchase_id) DO NOTHING
					""")
			.param("purchase", balance.purchaseId())
			.param("account", balance.accountId())
			.param("practice", balance.practiceId())
			.param("practiceName", balance.practiceName())
			.param("plan", balance.planCode())
			.param("kind", balance.kind().name())
			.param("months", balance.months())
			.param("apr", balance.apr())
			.param("standardApr", balance.standardApr())
			.param("amount", balance.amount())
			.param("authorizationCode", balance.authorizationCode())
			.param("start", balance.startDate())
			.param("end", balance.endDate())
			.param("zone", balance.zone().getId())
			.param("status", balance.status())
			.param("processedThrough", balance.processedThrough())
			.update() == 1;
	}

	public Optional<PromotionBalance> find(UUID purchaseId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM promotion_balance WHERE purchase_id = :purchase")
			.param("purchase", purchaseId)
			.query(PromotionBalances::balance)
			.optional();
	}

	/**
	 * An account's balances, oldest purchase first.
	 */
	public List<PromotionBalance> ofAccount(UUID accountId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM promotion_balance WHERE account_id = :account ORDER BY start_date, purchase_id")
			.param("account", accountId)
			.query(PromotionBalances::balance)
			.list();
	}

	/**
	 * An account's business date for a viewer of some of its balances: today, or the day
	 * after the last day any of those still live ({@code OPEN} or {@code EXPIRED}) has
	 * been through, when the business day ran ahead of the clock. {@link #endingSoon}
	 * computes the same in SQL.
	 */
	public static LocalDate businessDate(LocalDate today, Collection<PromotionBalance> balances) {
		LocalDate day = today;
		for (PromotionBalance balance : balances) {
			boolean live = PromotionBalance.OPEN.equals(balance.status())
					|| PromotionBalance.EXPIRED.equals(balance.status());
			if (live && !balance.processedThrough().isBefore(day)) {
				day = balance.processedThrough().plusDays(1);
			}
		}
		return day;
	}

	/**
	 * A practice's running deferred-interest promotions with something left whose end
	 * date falls within a number of days from their account's business date (as
	 * {@link #businessDate} gives it for the practice's own balances, both ends
	 * included), soonest first, then by purchase.
	 * @param today today in the practice's business-day zone
	 */
	public List<Ending> endingSoon(UUID practiceId, LocalDate today, int days, int limit) {
		return this.jdbc
			.sql("""
					SELECT b.*, greatest(:today, t.through + 1) AS business_date
					FROM promotion_balance b
					CROSS JOIN LATERAL (
					  SELECT max(l.processed_through) AS through FROM promotion_balance l
					  WHERE l.account_id = b.account_id AND l.practice_id = b.practice_id AND l.status IN ('OPEN', 'EXPIRED')
					) t
					WHERE b.practice_id = :practice AND b.kind = 'DEFERRED_INTEREST' AND b.status = 'OPEN'
					  AND b.remaining > 0 AND b.end_date >= :today
					  AND b.end_date BETWEEN greatest(:today, t.through + 1) AND greatest(:today, t.through + 1) + :days
					ORDER BY b.end_date, b.purchase_id
					LIMIT :limit
					""")
			.param("practice", practiceId)
			.param("today", today)
			.param("days", days)
			.param("limit", limit)
			.query((row, number) -> new Ending(balance(row, number), row.getObject("business_date", LocalDate.class)))
			.list();
	}

	/**
	 * The practice each of an account's purchases was made at.
	 */
	public Map<UUID, UUID> practicesOf(UUID accountId) {
		Map<UUID, UUID> practices = new HashMap<>();
		this.jdbc.sql("SELECT purchase_id, practice_id FROM promotion_balance WHERE account_id = :account")
			.param("account", accountId)
			.query((row) -> {
				practices.put(row.getObject("purchase_id", UUID.class), row.getObject("practice_id", UUID.class));
			});
		return practices;
	}

	/**
	 * The balances the business day still has to take through a day.
	 */
	List<UUID> behind(LocalDate day) {
		return this.jdbc.sql("""
				SELECT purchase_id FROM promotion_balance
				WHERE status IN ('OPEN', 'EXPIRED') AND processed_through < :day ORDER BY account_id
				""").param("day", day).query(UUID.class).list();
	}

	void processed(UUID purchaseId, String status, BigDecimal shadowInterest, LocalDate through) {
		this.jdbc.sql("""
				UPDATE promotion_balance SET status = :status, shadow_interest = :shadow, processed_through = :through
				WHERE purchase_id = :purchase
				""")
			.param("status", status)
			.param("shadow", shadowInterest)
			.param("through", through)
			.param("purchase", purchaseId)
			.update();
	}

	void status(UUID purchaseId, String status) {
		this.jdbc.sql("UPDATE promotion_balance SET status = :status WHERE purchase_id = :purchase")
			.param("status", status)
			.param("purchase", purchaseId)
			.update();
	}

	/**
	 * A promotional balance ending soon, with its account's business date.
	 *
	 * @param balance the balance
	 * @param businessDate the business date its figures are for
	 */
	public record Ending(PromotionBalance balance, LocalDate businessDate) {
	}

	private static PromotionBalance balance(ResultSet row, int number) throws SQLException {
		return new PromotionBalance(row.getObject("purchase_id", UUID.class), row.getObject("account_id", UUID.class),
				row.getObject("practice_id", UUID.class), row.getString("practice_name"), row.getString("plan_code"),
				PlanKind.valueOf(row.getString("kind")), row.getInt("months"), row.getBigDecimal("apr"),
				row.getBigDecimal("standard_apr"), row.getBigDecimal("amount"), row.getString("authorization_code"),
				row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
				ZoneId.of(row.getString("zone")), row.getString("status"), row.getBigDecimal("remaining"),
				row.getBigDecimal("shadow_interest"), row.getObject("processed_through", LocalDate.class));
	}

}
