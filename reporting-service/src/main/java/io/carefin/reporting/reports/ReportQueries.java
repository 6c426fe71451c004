package io.carefin.reporting.reports;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.reporting.reports.Reports.ApplicationDay;
import io.carefin.reporting.reports.Reports.Applications;
import io.carefin.reporting.reports.Reports.ApplicationsReport;
import io.carefin.reporting.reports.Reports.DailyFundingReport;
import io.carefin.reporting.reports.Reports.DeclineReason;
import io.carefin.reporting.reports.Reports.Funding;
import io.carefin.reporting.reports.Reports.FundingDay;
import io.carefin.reporting.reports.Reports.KeyedBy;
import io.carefin.reporting.reports.Reports.Movement;
import io.carefin.reporting.reports.Reports.PlanFunding;
import io.carefin.reporting.reports.Reports.PlanVolume;
import io.carefin.reporting.reports.Reports.Purchases;
import io.carefin.reporting.reports.Reports.Period;
import io.carefin.reporting.reports.Reports.Summary;
import io.carefin.reporting.reports.Reports.TrendPoint;
import io.carefin.reporting.reports.Reports.TrendsReport;

import static io.carefin.reporting.reports.Reports.money;

/**
 * Reads the reports from the read models, each in one read-only transaction so that its
 * parts agree.
 */
@Repository
@Transactional(readOnly = true)
class ReportQueries {

	private final JdbcClient jdbc;

	ReportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The summary in one statement: whole months in the range from the monthly rollup,
	 * the days before the first and after the last whole month from the daily rows.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	Summary summary(ReportRange range, ReportScope scope) {
		LocalDate firstWholeMonth = (range.from().getDayOfMonth() == 1) ? range.from()
				: range.from().plusMonths(1).withDayOfMonth(1);
		LocalDate afterLastWholeMonth = range.to().plusDays(1).withDayOfMonth(1);
		boolean wholeMonths = firstWholeMonth.isBefore(afterLastWholeMonth);
		LocalDate headTo = wholeMonths ? firstWholeMonth.minusDays(1) : range.to();
		LocalDate tailFrom = wholeMonths ? afterLastWholeMonth : range.to().plusDays(1);
		String condition = scope.condition("practice_id");
		List<SummaryRow> rows = this.jdbc.sql("""
				WITH applications AS (
				    SELECT coalesce(sum(submitted), 0) AS submitted, coalesce(sum(approved), 0) AS approved,
				           coalesce(sum(declined), 0) AS declined, coalesce(sum(pending), 0) AS pending
				    FROM daily_applications WHERE %1$s AND business_day BETWEEN :from AND :to
				), sales AS (
				    SELECT plan_code, sum(purchases) AS purchases, sum(purchase_volume) AS volume,
				           sum(refunds) AS refunds, sum(refund_amount) AS refund_amount,
				           sum(voids) AS voids, sum(void_amount) AS void_amount
				    FROM (
				        SELECT plan_code, purchases, purchase_volume, refunds, refund_amount, voids, void_amount
				        FROM monthly_sales WHERE %1$s AND month >= :firstWholeMonth AND month < :afterLastWholeMonth
				        UNION ALL
				        SELECT plan_code, purchases, purchase_volume, refunds, refund_amount, voids, void_amount
				        FROM daily_sales WHERE %1$s AND (business_day BETWEEN :from AND :headTo
				                                         OR business_day BETWEEN :tailFrom AND :to)
				    ) AS periods
				    GROUP BY plan_code
				)
				SELECT applications.*, sales.* FROM applications LEFT JOIN sales ON TRUE ORDER BY sales.plan_code
				""".formatted(condition))
			.param("practiceId", scope.practiceId())
			.param("from", range.from())
			.param("to", range.to())
			.param("firstWholeMonth", firstWholeMonth)
			.param("afterLastWholeMonth", afterLastWholeMonth)
			.param("headTo", headTo)
			.param("tailFrom", tailFrom)
			.query((rs, row) -> new SummaryRow(
					Applications.of(rs.getLong("submitted"), rs.getLong("approved"), rs.getLong("declined"),
							rs.getLong("pending")),
					(rs.getString("plan_code") != null) ? new PlanSales(rs.getString("plan_code"),
							rs.getLong("purchases"), rs.getBigDecimal("volume"), rs.getLong("refunds"),
							rs.getBigDecimal("refund_amount"), rs.getLong("voids"), rs.getBigDecimal("void_amount"))
							: null))
			.list();
		long purchases = 0;
		BigDecimal volume = BigDecimal.ZERO;
		long refunds = 0;
		BigDecimal refundAmount = BigDecimal.ZERO;
		long voids = 0;
		BigDecimal voidAmount = BigDecimal.ZERO;
		List<PlanVolume> byPlan = new ArrayList<>();
		for (SummaryRow row : rows) {
			PlanSales plan = row.plan();
			if (plan == null) {
				continue;
			}
			purchases += plan.purchases();
			volume = volume.add(plan.volume());
			refunds += plan.refunds();
			refundAmount = refundAmount.add(plan.refundAmount());
			voids += plan.voids();
			voidAmount = voidAmount.add(plan.voidAmount());
			if (plan.purchases() > 0) {
				byPlan.add(new PlanVolume(plan.plan(), plan.purchases(), money(plan.volume())));
			}
		}
		return new Summary(range.from(), range.to(), scope.practiceId(), rows.get(0).applications(),
				Purchases.of(purchases, volume), new Movement(refunds, money(refundAmount)),
				new Movement(voids, money(voidAmount)), byPlan);
	}

	DailyFundingReport dailyFunding(ReportRange range, ReportScope scope) {
		Map<LocalDate, List<PlanFunding>> days = new TreeMap<>();
		sql("""
				SELECT business_day, plan_code, sum(settled_purchases) AS settled, sum(gross) AS gross,
				       sum(refunds_before_settlement) AS refunds_before, sum(refunds_after_settlement) AS refunds_after,
				       sum(voids) AS voids, sum(void_amount) AS void_amount, sum(merchant_fees) AS fees,
				       sum(collected_payments) AS collected, sum(payments_collected) AS collected_amount
				FROM daily_funding WHERE %s AND business_day BETWEEN :from AND :to
				GROUP BY business_day, plan_code ORDER BY business_day, plan_code
				""", "practice_id", range, scope).query((rs, row) -> {
			days.computeIfAbsent(rs.getObject("business_day", LocalDate.class), (day) -> new ArrayList<>())
				.add(new PlanFunding(rs.getString("plan_code"),
						Funding.of(rs.getLong("settled"), rs.getBigDecimal("gross"), rs.getBigDecimal("refunds_before"),
								rs.getBigDecimal("refunds_after"), rs.getLong("voids"), rs.getBigDecimal("void_amount"),
								rs.getBigDecimal("fees"), rs.getLong("collected"),
								rs.getBigDecimal("collected_amount"))));
			return row;
		}).list();
		List<FundingDay> fundingDays = new ArrayList<>();
		Funding totals = Funding.NONE;
		for (Map.Entry<LocalDate, List<PlanFunding>> day : days.entrySet()) {
			Funding dayFunding = day.getValue().stream().map(PlanFunding::funding).reduce(Funding.NONE, Funding::plus);
			// payments collected belong to the day, not to a plan
			List<PlanFunding> plans = day.getValue().stream().filter((plan) -> !plan.plan().isEmpty()).toList();
			fundingDays.add(new FundingDay(day.getKey(), dayFunding, plans));
			totals = totals.plus(dayFunding);
		}
		return new DailyFundingReport(range.from(), range.to(), scope.practiceId(), fundingDays, totals);
	}

	ApplicationsReport applications(ReportRange range, ReportScope scope) {
		Map<LocalDate, Applications> days = new TreeMap<>();
		Map<String, Applications> keyedBy = new LinkedHashMap<>();
		sql("""
				SELECT business_day, keyed_by, submitted, approved, declined, pending
				FROM daily_applications WHERE %s AND business_day BETWEEN :from AND :to
				ORDER BY business_day, keyed_by
				""", "practice_id", range, scope).query((rs, row) -> {
			Applications applications = Applications.of(rs.getLong("submitted"), rs.getLong("approved"),
					rs.getLong("declined"), rs.getLong("pending"));
			days.merge(rs.getObject("business_day", LocalDate.class), applications, ReportQueries::plus);
			keyedBy.merge(rs.getString("keyed_by"), applications, ReportQueries::plus);
			return row;
		}).list();
		Applications totals = days.values().stream().reduce(Applications.of(0, 0, 0, 0), ReportQueries::plus);
		List<DeclineReason> reasons = sql("""
				SELECT reason, sum(declined) AS declined
				FROM daily_decline_reasons WHERE %s AND business_day BETWEEN :from AND :to
				GROUP BY reason ORDER BY sum(declined) DESC, reason
				""", "practice_id", range, scope)
			.query((rs, row) -> new DeclineReason(rs.getString("reason"), rs.getLong("declined")))
			.list();
		return new ApplicationsReport(range.from(), range.to(), scope.practiceId(),
				days.entrySet().stream().map((day) -> new ApplicationDay(day.getKey(), day.getValue())).toList(),
				totals,
				keyedBy.entrySet().stream().map((keyed) -> new KeyedBy(keyed.getKey(), keyed.getValue())).toList(),
				reasons);
	}

	TrendsReport trends(ReportRange range, ReportScope scope, Period period) {
		Map<LocalDate, Applications> applications = new TreeMap<>();
		sql("""
				SELECT business_day, sum(submitted) AS submitted, sum(approved) AS approved,
				       sum(declined) AS declined, sum(pending) AS pending
				FROM daily_applications WHERE %s AND business_day BETWEEN :from AND :to GROUP BY business_day
				""", "practice_id", range, scope).query((rs, row) -> {
			applications.merge(bucket(rs.getObject("business_day", LocalDate.class), period), Applications
				.of(rs.getLong("submitted"), rs.getLong("approved"), rs.getLong("declined"), rs.getLong("pending")),
					ReportQueries::plus);
			return row;
		}).list();
		Map<LocalDate, PlanSales> sales = new TreeMap<>();
		sql("""
				SELECT business_day, sum(purchases) AS purchases, sum(purchase_volume) AS volume,
				       sum(refunds) AS refunds, sum(refund_amount) AS refund_amount,
				       sum(voids) AS voids, sum(void_amount) AS void_amount
				FROM daily_sales WHERE %s AND business_day BETWEEN :from AND :to GROUP BY business_day
				""", "practice_id", range, scope).query((rs, row) -> {
			sales.merge(bucket(rs.getObject("business_day", LocalDate.class), period),
					new PlanSales("", rs.getLong("purchases"), rs.getBigDecimal("volume"), rs.getLong("refunds"),
							rs.getBigDecimal("refund_amount"), rs.getLong("voids"), rs.getBigDecimal("void_amount")),
					PlanSales::plus);
			return row;
		}).list();
		Map<LocalDate, Funding> funding = new TreeMap<>();
		sql("""
				SELECT business_day, sum(settled_purchases) AS settled, sum(gross) AS gross,
				       sum(refunds_before_settlement) AS refunds_before, sum(refunds_after_settlement) AS refunds_after,
				       sum(voids) AS voids, sum(void_amount) AS void_amount, sum(merchant_fees) AS fees,
				       sum(collected_payments) AS collected, sum(payments_collected) AS collected_amount
				FROM daily_funding WHERE %s AND business_day BETWEEN :from AND :to GROUP BY business_day
				""", "practice_id", range, scope).query((rs, row) -> {
			funding.merge(bucket(rs.getObject("business_day", LocalDate.class), period),
					Funding.of(rs.getLong("settled"), rs.getBigDecimal("gross"), rs.getBigDecimal("refunds_before"),
							rs.getBigDecimal("refunds_after"), rs.getLong("voids"), rs.getBigDecimal("void_amount"),
							rs.getBigDecimal("fees"), rs.getLong("collected"), rs.getBigDecimal("collected_amount")),
					Funding::plus);
			return row;
		}).list();
		List<TrendPoint> points = new ArrayList<>();
		PlanSales noSales = new PlanSales("", 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
		for (LocalDate start = bucket(range.from(), period); !start.isAfter(range.to()); start = next(start, period)) {
			LocalDate first = start.isBefore(range.from()) ? range.from() : start;
			LocalDate end = next(start, period).minusDays(1);
			LocalDate last = end.isAfter(range.to()) ? range.to() : end;
			PlanSales periodSales = sales.getOrDefault(start, noSales);
			points.add(new TrendPoint(first, last, applications.getOrDefault(start, Applications.of(0, 0, 0, 0)),
					Purchases.of(periodSales.purchases(), periodSales.volume()),
					new Movement(periodSales.refunds(), money(periodSales.refundAmount())),
					new Movement(periodSales.voids(), money(periodSales.voidAmount())),
					funding.getOrDefault(start, Funding.NONE)));
		}
		return new TrendsReport(range.from(), range.to(), scope.practiceId(), period, points);
	}

	private static LocalDate bucket(LocalDate day, Period period) {
		return switch (period) {
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	private static LocalDate next(LocalDate bucketStart, Period period) {
		return switch (period) {
			case WEEK -> bucketStart.plusWeeks(1);
			case MONTH -> bucketStart.plusMonths(1);
		};
	}

	static Applications plus(Applications a, Applications b) {
		return Applications.of(a.submitted() + b.submitted(), a.approved() + b.approved(), a.declined() + b.declined(),
				a.pending() + b.pending());
	}

	private JdbcClient.StatementSpec sql(String template, String column, ReportRange range, ReportScope scope) {
		return this.jdbc.sql(template.formatted(scope.condition(column)))
			.param("practiceId", scope.practiceId())
			.param("from", range.from())
			.param("to", range.to());
	}

	private record SummaryRow(Applications applications, @Nullable PlanSales plan) {
	}

	private record PlanSales(String plan, long purchases, BigDecimal volume, long refunds, BigDecimal refundAmount,
			long voids, BigDecimal voidAmount) {

		PlanSales plus(PlanSales other) {
			return new PlanSales(this.plan, this.purchases + other.purchases, this.volume.add(other.volume),
					this.refunds + other.refunds, this.refundAmount.add(other.refundAmount), this.voids + other.voids,
					this.voidAmount.add(other.voidAmount));
		}

	}

}
