package io.carefin.reporting.reports;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.reporting.reports.InvalidReportRequestException.FieldProblem;
import io.carefin.reporting.reports.ReportCsv.Rows;
import io.carefin.reporting.reports.Reports.ApplicationsReport;
import io.carefin.reporting.reports.Reports.DailyFundingReport;
import io.carefin.reporting.reports.Reports.Period;
import io.carefin.reporting.reports.Reports.Summary;
import io.carefin.reporting.reports.Reports.TrendsReport;
import io.carefin.starter.web.Csv;

/**
 * The practice reports. A practice user with {@code VIEW_REPORTS} reads their own
 * practice's figures; ops ({@code OPS_ADMIN}) reads any practice's, or all of them. Each
 * report is JSON, or CSV ({@link ReportCsv}) with {@code Accept: text/csv} or
 * {@code ?format=csv}.
 */
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAuthority('PERMISSION_VIEW_REPORTS') or hasRole('OPS_ADMIN')")
class ReportsController {

	private static final String CSV_PARAMETER = "format=csv";

	private final ReportQueries queries;

	ReportsController(ReportQueries queries) {
		this.queries = queries;
	}

	@GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	Summary summary(@Nullable String from, @Nullable String to,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return this.queries.summary(ReportRange.of(from, to), ReportScope.of(caller, practiceId));
	}

	/**
	 * Activity at a glance as CSV: one row per figure, and per plan for the plans'.
	 */
	@GetMapping(path = "/summary", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> summaryCsv(@Nullable String from, @Nullable String to,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		Summary summary = summary(from, to, practiceId, caller);
		return ReportCsv.attachment("summary", summary.from(), summary.to(), ReportCsv.summary(summary));
	}

	@GetMapping(path = "/summary", params = CSV_PARAMETER)
	ResponseEntity<String> summaryCsvByParameter(@Nullable String from, @Nullable String to,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return summaryCsv(from, to, practiceId, caller);
	}

	@GetMapping(path = "/daily-funding", produces = MediaType.APPLICATION_JSON_VALUE)
	DailyFundingReport dailyFunding(@Nullable String from, @Nullable String to,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return this.queries.dailyFunding(ReportRange.of(from, to), ReportScope.of(caller, practiceId));
	}

	/**
	 * The daily funding as CSV: one row per settlement day (the JSON's {@code days}), or
	 * with {@code by=plan} one row per settlement day and plan (the JSON's drill-down).
	 */
	@GetMapping(path = "/daily-funding", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> dailyFundingCsv(@Nullable String from, @Nullable String to, @Nullable String by,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		Rows rows = Rows.of(by, List.of(Rows.DAY, Rows.PLAN));
		DailyFundingReport report = dailyFunding(from, to, practiceId, caller);
		return ReportCsv.attachment("daily-funding", report.from(), report.to(), ReportCsv.dailyFunding(report, rows));
	}

	@GetMapping(path = "/daily-funding", params = CSV_PARAMETER)
	ResponseEntity<String> dailyFundingCsvByParameter(@Nullable String from, @Nullable String to, @Nullable String by,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return dailyFundingCsv(from, to, by, practiceId, caller);
	}

	@GetMapping(path = "/applications", produces = MediaType.APPLICATION_JSON_VALUE)
	ApplicationsReport applications(@Nullable String from, @Nullable String to,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return this.queries.applications(ReportRange.of(from, to), ReportScope.of(caller, practiceId));
	}

	/**
	 * The applications as CSV: the funnel per submission day (the JSON's {@code days}),
	 * with {@code by=keyed} per who keyed them in ({@code keyedBy}), or with
	 * {@code by=reason} the decline reasons ({@code declineReasons}).
	 */
	@GetMapping(path = "/applications", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> applicationsCsv(@Nullable String from, @Nullable String to, @Nullable String by,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		Rows rows = Rows.of(by, List.of(Rows.DAY, Rows.KEYED, Rows.REASON));
		ApplicationsReport report = applications(from, to, practiceId, caller);
		return ReportCsv.attachment("applications", report.from(), report.to(), ReportCsv.applications(report, rows));
	}

	@GetMapping(path = "/applications", params = CSV_PARAMETER)
	ResponseEntity<String> applicationsCsvByParameter(@Nullable String from, @Nullable String to, @Nullable String by,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return applicationsCsv(from, to, by, practiceId, caller);
	}

	@GetMapping(path = "/trends", produces = MediaType.APPLICATION_JSON_VALUE)
	TrendsReport trends(@Nullable String from, @Nullable String to, @Nullable String period,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		ReportRange range = ReportRange.of(from, to);
		return this.queries.trends(range, ReportScope.of(caller, practiceId), period(period));
	}

	/**
	 * The trends as CSV: one row per week or month (the JSON's {@code points}).
	 */
	@GetMapping(path = "/trends", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> trendsCsv(@Nullable String from, @Nullable String to, @Nullable String period,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		TrendsReport report = trends(from, to, period, practiceId, caller);
		return ReportCsv.attachment("trends", report.from(), report.to(), ReportCsv.trends(report));
	}

	@GetMapping(path = "/trends", params = CSV_PARAMETER)
	ResponseEntity<String> trendsCsvByParameter(@Nullable String from, @Nullable String to, @Nullable String period,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return trendsCsv(from, to, period, practiceId, caller);
	}

	private static Period period(@Nullable String period) {
		if (period == null || period.isBlank()) {
			return Period.WEEK;
		}
		try {
			return Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidReportRequestException("The trend's period is not valid.",
					List.of(new FieldProblem("period", "must be WEEK or MONTH")));
		}
	}

}
