package io.carefin.reporting.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.carefin.reporting.reports.InvalidReportRequestException.FieldProblem;
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
import io.carefin.reporting.reports.Reports.Summary;
import io.carefin.reporting.reports.Reports.TrendPoint;
import io.carefin.reporting.reports.Reports.TrendsReport;
import io.carefin.starter.web.Csv;

/**
 * The practice reports as CSV, one table each with a header row and the rows the JSON
 * has: a column is named after the JSON field it holds ({@code refundsBeforeSettlement}
 * is {@code refunds_before_settlement}), prefixed with its object's name where a row
 * holds several objects ({@code purchases_volume}); amounts have two decimals, an absent
 * figure is an empty cell.
 */
final class ReportCsv {

	private static final List<String> FUNDING_COLUMNS = List.of("settled_purchases", "gross",
			"refunds_before_settlement", "refunds_after_settlement", "refunds", "voids", "void_amount", "merchant_fees",
			"collected_payments", "payments_collected", "net_funding");

	private static final List<String> APPLICATIONS_COLUMNS = List.of("submitted", "approved", "declined", "pending",
			"approval_rate");

	private ReportCsv() {
	}

	/**
	 * Activity at a glance, one row per figure ({@code figure,plan,value}): the
	 * applications, purchases, refunds and voids, then each plan's purchases and volume
	 * with the plan named.
	 */
	static String summary(Summary summary) {
		StringBuilder csv = new StringBuilder(Csv.row("figure", "plan", "value"));
		List<String> applications = prefixed("applications", APPLICATIONS_COLUMNS);
		List<Object> figures = applicationsCells(summary.applications());
		for (int i = 0; i < applications.size(); i++) {
			csv.append(Csv.row(applications.get(i), null, figures.get(i)));
		}
		Purchases purchases = summary.purchases();
		csv.append(Csv.row("purchases_count", null, purchases.count()))
			.append(Csv.row("purchases_volume", null, purchases.volume()))
			.append(Csv.row("purchases_average_ticket", null, purchases.averageTicket()));
		for (String name : List.of("refunds", "voids")) {
			Movement movement = "refunds".equals(name) ? summary.refunds() : summary.voids();
			csv.append(Csv.row(name + "_count", null, movement.count()))
				.append(Csv.row(name + "_amount", null, movement.amount()));
		}
		for (PlanVolume plan : summary.byPlan()) {
			csv.append(Csv.row("by_plan_purchases", plan.plan(), plan.purchases()))
				.append(Csv.row("by_plan_volume", plan.plan(), plan.volume()));
		}
		return csv.toString();
	}

	/**
	 * The daily funding: one row per settlement day (the JSON's {@code days}), or by plan
	 * one row per settlement day and plan (the days' {@code plans}).
	 */
	static String dailyFunding(DailyFundingReport report, Rows rows) {
		boolean byPlan = rows == Rows.PLAN;
		List<String> header = new ArrayList<>(List.of("business_day"));
		if (byPlan) {
			header.add("plan");
		}
		header.addAll(FUNDING_COLUMNS);
		StringBuilder csv = new StringBuilder(Csv.row(header));
		for (FundingDay day : report.days()) {
			if (!byPlan) {
				csv.append(Csv.row(cells(List.of(day.businessDay()), fundingCells(day.funding()))));
				continue;
			}
			for (PlanFunding plan : day.plans()) {
				csv.append(Csv.row(cells(List.of(day.businessDay(), plan.plan()), fundingCells(plan.funding()))));
			}
		}
		return csv.toString();
	}

	/**
	 * The applications: the funnel per submission day (the JSON's {@code days}), by who
	 * keyed them in ({@code keyedBy}), or the decline reasons ({@code declineReasons}).
	 */
	static String applications(ApplicationsReport report, Rows rows) {
		StringBuilder csv = new StringBuilder();
		switch (rows) {
			case DAY -> {
				csv.append(Csv.row(cells(List.of("business_day"), APPLICATIONS_COLUMNS)));
				for (ApplicationDay day : report.days()) {
					csv.append(Csv.row(cells(List.of(day.businessDay()), applicationsCells(day.applications()))));
				}
			}
			case KEYED -> {
				csv.append(Csv.row(cells(List.of("keyed_by"), APPLICATIONS_COLUMNS)));
				for (KeyedBy keyed : report.keyedBy()) {
					csv.append(Csv.row(cells(List.of(keyed.keyedBy()), applicationsCells(keyed.applications()))));
				}
			}
			case REASON -> {
				csv.append(Csv.row("reason", "declined"));
				for (DeclineReason reason : report.declineReasons()) {
					csv.append(Csv.row(reason.reason(), reason.declined()));
				}
			}
			case PLAN -> throw new IllegalArgumentException("The applications report has no rows by plan");
		}
		return csv.toString();
	}

	/**
	 * The trends: one row per week or month (the JSON's {@code points}), with each of its
	 * objects' figures.
	 */
	static String trends(TrendsReport report) {
		List<String> header = new ArrayList<>(List.of("period_start", "period_end"));
		header.addAll(prefixed("applications", APPLICATIONS_COLUMNS));
		header.addAll(List.of("purchases_count", "purchases_volume", "purchases_average_ticket", "refunds_count",
				"refunds_amount", "voids_count", "voids_amount"));
		header.addAll(prefixed("funding", FUNDING_COLUMNS));
		StringBuilder csv = new StringBuilder(Csv.row(header));
		for (TrendPoint point : report.points()) {
			List<Object> row = cells(List.of(point.periodStart(), point.periodEnd()),
					applicationsCells(point.applications()));
			row.addAll(cells(List.of(point.purchases().count(), point.purchases().volume()),
					nullable(point.purchases().averageTicket())));
			row.addAll(List.of(point.refunds().count(), point.refunds().amount(), point.voids().count(),
					point.voids().amount()));
			row.addAll(fundingCells(point.funding()));
			csv.append(Csv.row(row));
		}
		return csv.toString();
	}

	/**
	 * The CSV as a download named after the report and its range, such as
	 * {@code daily-funding-2026-11-01-2026-11-30.csv}.
	 */
	static ResponseEntity<String> attachment(String report, LocalDate from, LocalDate to, String csv) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("%s-%s-%s.csv".formatted(report, from, to))
						.build()
						.toString())
			.body(csv);
	}

	/**
	 * What one row of a CSV is, chosen with {@code by}.
	 */
	enum Rows {

		/** A day (the default). */
		DAY,

		/** A day and a plan (daily funding). */
		PLAN,

		/** Who keyed applications in (applications). */
		KEYED,

		/** A decline reason (applications). */
		REASON;

		/**
		 * The rows the request's {@code by} asks for among those a report offers, the
		 * first by default.
		 * @throws InvalidReportRequestException when the report does not offer them
		 */
		static Rows of(@Nullable String by, List<Rows> offered) {
			if (by == null || by.isBlank()) {
				return offered.get(0);
			}
			for (Rows rows : offered) {
				if (rows.name().equalsIgnoreCase(by.strip())) {
					return rows;
				}
			}
			List<String> names = offered.stream().map((rows) -> rows.name().toLowerCase(Locale.ROOT)).toList();
			String choices = String.join(", ", names.subList(0, names.size() - 1)) + " or "
					+ names.get(names.size() - 1);
			throw new InvalidReportRequestException("The CSV's rows are not valid.",
					List.of(new FieldProblem("by", "must be " + choices)));
		}

	}

	private static List<Object> applicationsCells(Applications applications) {
		return cells(List.of(applications.submitted(), applications.approved(), applications.declined(),
				applications.pending()), nullable(applications.approvalRate()));
	}

	private static List<Object> fundingCells(Funding funding) {
		return List.of(funding.settledPurchases(), funding.gross(), funding.refundsBeforeSettlement(),
				funding.refundsAfterSettlement(), funding.refunds(), funding.voids(), funding.voidAmount(),
				funding.merchantFees(), funding.collectedPayments(), funding.paymentsCollected(), funding.netFunding());
	}

	private static List<String> prefixed(String prefix, List<String> columns) {
		return columns.stream().map((column) -> prefix + "_" + column).toList();
	}

	private static List<Object> nullable(@Nullable Object cell) {
		List<Object> cells = new ArrayList<>(1);
		cells.add((cell != null) ? cell : "");
		return cells;
	}

	private static List<Object> cells(List<?> first, List<?> rest) {
		List<Object> cells = new ArrayList<>(first);
		cells.addAll(rest);
		return cells;
	}

}
