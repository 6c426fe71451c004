package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.carefin.contracts.transaction.PlanTerms;

/**
 * The purchases and refunds practices made.
 */
@Repository
class Purchases {

	private static final String SELECT = """
			SELECT p.*, c.account_last4 FROM purchase p JOIN credit_line c ON c.account_id = p.account_id
			""";

	private final JdbcClient jdbc;

	Purchases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Purchase purchase) {
		this.jdbc
			.sql("""
					INSERT INTO purchase (id, practice_id, practice_name, account_id, amount, promotion_code, plan_kind,
					    plan_months, plan_apr, standard_apr, merchant_fee_rate, status, decline_reason, authorization_code,
					    refunded, created_at, business_date, disclosure_version)
					VALUES (:id, :practice, :practiceName, :account, :amount, :code, :kind, :months, :apr, :standardApr,
					    :feeRate, :status, :reason, :authorization, :refunded, :createdAt, :businessDate, :disclosureVersion)
					""")
			.param("id", purchase.id())
			.param("practice", purchase.practiceId())
			.param("practiceName", purchase.practiceName())
			.param("account", purchase.accountId())
			.param("amount", purchase.amount())
			.param("code", purchase.plan().code())
			.param("kind", purchase.plan().kind())
			.param("months", purchase.plan().months())
			.param("apr", purchase.plan().apr())
			.param("standardApr", purchase.plan().standardApr())
			.param("feeRate", purchase.merchantFeeRate())
			.param("status", purchase.status())
			.param("reason", purchase.declineReason())
			.param("authorization", purchase.authorizationCode())
			.param("refunded", purchase.refunded())
			.param("createdAt", utc(purchase.createdAt()))
			.param("businessDate", purchase.businessDate())
			.param("disclosureVersion", purchase.disclosureVersion())
			.update();
	}

	/**
	 * A practice's purchase, locked until the transaction ends.
	 */
	Optional<Purchase> lockOfPractice(UUID id, UUID practiceId) {
		return this.jdbc.sql(SELECT + " WHERE p.id = :id AND p.practice_id = :practice FOR UPDATE OF p")
			.param("id", id)
			.param("practice", practiceId)
			.query(Purchases::purchase)
			.optional();
	}

	Optional<Purchase> ofPractice(UUID id, UUID practiceId) {
		return this.jdbc.sql(SELECT + " WHERE p.id = :id AND p.practice_id = :practice")
			.param("id", id)
			.param("practice", practiceId)
			.query(Purchases::purchase)
			.optional();
	}

	/**
	 * The practice's newest purchases, on one account and between two business days when
	 * given. Only the given conditions are in the SQL, so that PostgreSQL can plan each
	 * shape on its index (a business-day range on
	 * {@code purchase_by_practice_business_date}) even with a generic plan.
	 */
	List<Purchase> ofPractice(UUID practiceId, @Nullable UUID accountId, @Nullable LocalDate from,
			@Nullable LocalDate to, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE p.practice_id = :practice");
		if (accountId != null) {
			sql.append(" AND p.account_id = :account");
		}
		if (from != null) {
			sql.append(" AND p.business_date >= :from");
		}
		if (to != null) {
			sql.append(" AND p.business_date <= :to");
		}
		sql.append(" ORDER BY p.created_at DESC, p.id LIMIT :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("practice", practiceId)
			.param("limit", limit);
		if (accountId != null) {
			statement = statement.param("account", accountId);
		}
		if (from != null) {
			statement = statement.param("from", from);
		}
		if (to != null) {
			statement = statement.param("to", to);
		}
		return statement.query(Purchases::purchase).list();
	}

	void refund(UUID purchaseId, UUID refundId, BigDecimal amount, boolean settled, Instant at) {
		this.jdbc.sql("UPDATE purchase SET refunded = refunded + :amount WHERE id = :id")
			.param("id", purchaseId)
			.param("amount", amount)
			.update();
		this.jdbc.sql("""
				INSERT INTO refund (id, purchase_id, amount, settled, created_at)
				VALUES (:id, :purchase, :amount, :settled, :at)
				""")
			.param("id", refundId)
			.param("purchase", purchaseId)
			.param("amount", amount)
			.param("settled", settled)
			.param("at", utc(at))
			.update();
	}

	void voided(UUID purchaseId, Instant at) {
		this.jdbc.sql("UPDATE purchase SET status = 'VOIDED', voided_at = :at WHERE id = :id")
			.param("id", purchaseId)
			.param("at", utc(at))
			.update();
	}

	/**
	 * The practices with approved purchases not yet settled.
	 */
	List<UUID> practicesToSettle() {
		return this.jdbc.sql("SELECT DISTINCT practice_id FROM purchase WHERE status = 'APPROVED'")
			.query(UUID.class)
			.list();
	}

	/**
	 * A practice's approved purchases of business days up to one, locked; ones another
	 * transaction holds (being voided or refunded) are left for the next run.
	 */
	List<Purchase> lockToSettle(UUID practiceId, LocalDate through) {
		return this.jdbc.sql(SELECT + """
				WHERE p.practice_id = :practice AND p.status = 'APPROVED' AND p.business_date <= :through
				ORDER BY p.created_at FOR UPDATE OF p SKIP LOCKED
				""").param("practice", practiceId).param("through", through).query(Purchases::purchase).list();
	}

	void settled(UUID purchaseId, LocalDate settlementDate, BigDecimal merchantFee, BigDecimal netFunding) {
		this.jdbc.sql("""
				UPDATE purchase SET status = 'SETTLED', settlement_date = :date, merchant_fee = :fee, net_funding = :net
				WHERE id = :id
				""")
			.param("id", purchaseId)
			.param("date", settlementDate)
			.param("fee", merchantFee)
			.param("net", netFunding)
			.update();
	}

	private static Purchase purchase(ResultSet rs, int row) throws SQLException {
		return new Purchase(rs.getObject("id", UUID.class), rs.getObject("practice_id", UUID.class),
				rs.getString("practice_name"), rs.getObject("account_id", UUID.class),
				String.valueOf(rs.getString("account_last4")), rs.getBigDecimal("amount"),
				new PlanTerms(rs.getString("promotion_code"), rs.getString("plan_kind"), rs.getInt("plan_months"),
						rs.getBigDecimal("plan_apr"), rs.getBigDecimal("standard_apr")),
				rs.getBigDecimal("merchant_fee_rate"), rs.getString("status"), rs.getString("decline_reason"),
				rs.getString("authorization_code"), rs.getBigDecimal("refunded"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("business_date", LocalDate.class), rs.getObject("settlement_date", LocalDate.class),
				rs.getBigDecimal("merchant_fee"), rs.getBigDecimal("net_funding"), rs.getString("disclosure_version"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
