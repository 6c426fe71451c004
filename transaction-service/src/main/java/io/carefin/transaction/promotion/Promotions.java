package io.carefin.transaction.promotion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.financing.PlanKind;

/**
 * The catalogue of plans with their versioned terms, and the plans each practice offers.
 */
@Repository
public class Promotions {

	private static final String IN_FORCE = "effective_from <= :day AND (effective_to IS NULL OR effective_to > :day)";

	private final JdbcClient jdbc;

	private final Clock clock;

	Promotions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Every plan's terms in force on a day.
	 */
	public List<Plan> catalogue(LocalDate day) {
		return this.jdbc.sql("SELECT * FROM promotion_plan WHERE " + IN_FORCE + " ORDER BY kind, months")
			.param("day", day)
			.query(Promotions::plan)
			.list();
	}

	/**
	 * A plan's terms in force on a day, if the plan exists then.
	 */
	public Optional<Plan> inForce(String code, LocalDate day) {
		return this.jdbc.sql("SELECT * FROM promotion_plan WHERE code = :code AND " + IN_FORCE)
			.param("code", code)
			.param("day", day)
			.query(Promotions::plan)
			.optional();
	}

	/**
	 * The plans a practice offers, with their terms in force on a day.
	 */
	public List<Plan> enabledFor(UUID practiceId, LocalDate day) {
		return this.jdbc.sql("""
				SELECT p.* FROM promotion_plan p JOIN practice_promotion e ON e.code = p.code
				WHERE e.practice_id = :practice AND p.effective_from <= :day
				  AND (p.effective_to IS NULL OR p.effective_to > :day)
				ORDER BY p.kind, p.months
				""").param("practice", practiceId).param("day", day).query(Promotions::plan).list();
	}

	/**
	 * A plan the practice offers, with its terms in force on a day.
	 */
	public Optional<Plan> enabledPlan(UUID practiceId, String code, LocalDate day) {
		return this.jdbc.sql("""
				SELECT p.* FROM promotion_plan p JOIN practice_promotion e ON e.code = p.code
				WHERE e.practice_id = :practice AND p.code = :code AND p.effective_from <= :day
				  AND (p.effective_to IS NULL OR p.effective_to > :day)
				""")
			.param("practice", practiceId)
			.param("code", code)
			.param("day", day)
			.query(Promotions::plan)
			.optional();
	}

	/**
	 * Lets a practice offer a plan.
	 */
	public void enable(UUID practiceId, String code) {
		this.jdbc.sql("""
				INSERT INTO practice_promotion (practice_id, code, enabled_at) VALUES (:practice, :code, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("practice", practiceId)
			.param("code", code)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Stops a practice offering a plan.
	 */
	public void disable(UUID practiceId, String code) {
		this.jdbc.sql("DELETE FROM practice_promotion WHERE practice_id = :practice AND code = :code")
			.param("practice", practiceId)
			.param("code", code)
			.update();
	}

	/**
	 * Lets a practice offer exactly the given plans: those enabled and not named stop,
	 * the named ones not enabled yet start, as the practice admin's own enabling would.
	 */
	@Transactional
	public void offerExactly(UUID practiceId, Set<String> codes) {
		this.jdbc.sql("SELECT practice_id FROM practice_promotion WHERE practice_id = :practice FOR UPDATE")
			.param("practice", practiceId)
			.query()
			.listOfRows();
		this.jdbc.sql("DELETE FROM practice_promotion WHERE practice_id = :practice AND NOT code = ANY(:codes)")
			.param("practice", practiceId)
			.param("codes", codes.toArray(String[]::new))
			.update();
		codes.forEach((code) -> enable(practiceId, code));
	}

	private static Plan plan(ResultSet rs, int row) throws SQLException {
		return new Plan(rs.getString("code"), rs.getInt("version"), rs.getString("name"),
				PlanKind.valueOf(rs.getString("kind")), rs.getInt("months"), rs.getBigDecimal("apr"),
				rs.getBigDecimal("standard_apr"), rs.getBigDecimal("minimum_amount").setScale(2),
				rs.getBigDecimal("merchant_fee_rate"), rs.getObject("effective_from", LocalDate.class),
				rs.getObject("effective_to", LocalDate.class));
	}

}
