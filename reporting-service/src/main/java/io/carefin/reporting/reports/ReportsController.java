package io.carefin.reporting.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.reporting.reports.InvalidReportRequestException.FieldProblem;
import io.carefin.reporting.reports.Reports.ApplicationsReport;
import io.carefin.reporting.reports.Reports.DailyFundingReport;
import io.carefin.reporting.reports.Reports.Funding;
import io.carefin.reporting.reports.Reports.FundingDay;
import io.carefin.reporting.reports.Reports.Period;
import io.carefin.reporting.reports.Reports.PlanFunding;
import io.carefin.reporting.reports.Reports.Summary;
import io.carefin.reporting.reports.Reports.TrendsReport;
import io.carefin.starter.web.Csv;

/**
 * The practice reports. A practice user with {@code VIEW_REPORTS} reads their own
 * practice's figures; ops ({@code OPS_ADMIN}) reads any practice's, or all of them.
 */
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAuthority('PERMISSION_VIEW_REPORTS') or hasRole('OPS_ADMIN')")
class ReportsController {

	private static final List<String> FUNDING_COLUMNS = List.of("settled_purchases", "gross",
			"refunds_before_settlement", "refunds_after_settlement", "refunds", "voids", "void_amount", "merchant_fees",
			"collected_payments", "payments_collected", "net_funding");

	private final ReportQueries queries;

	ReportsController(ReportQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/summary")
	Summary summary(@Nullable String from, @Nullable String to,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return this.queries.summary(ReportRange.of(from, to), ReportScope.of(caller, practiceId));
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
		boolean byPlan = byPlan(by);
		DailyFundingReport report = dailyFunding(from, to, practiceId, caller);
		List<String> header = new ArrayList<>(List.of("business_day"));
		if (byPlan) {
			header.add("plan");
		}
		header.addAll(FUNDING_COLUMNS);
		StringBuilder csv = new StringBuilder(Csv.row(header));
		for (FundingDay day : report.days()) {
			if (!byPlan) {
				csv.append(Csv.row(fundingCells(List.of(day.businessDay()), day.funding())));
				continue;
			}
			for (PlanFunding plan : day.plans()) {
				csv.append(Csv.row(fundingCells(List.of(day.businessDay(), plan.plan()), plan.funding())));
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("daily-funding-%s-%s.csv".formatted(report.from(), report.to()))
						.build()
						.toString())
			.body(csv.toString());
	}

	@GetMapping(path = "/daily-funding", params = "format=csv")
	ResponseEntity<String> dailyFundingCsvByParameter(@Nullable String from, @Nullable String to, @Nullable String by,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return dailyFundingCsv(from, to, by, practiceId, caller);
	}

	private static List<Object> fundingCells(List<Object> keys, Funding funding) {
		List<Object> cells = new ArrayList<>(keys);
		cells.addAll(List.of(funding.settledPurchases(), funding.gross(), funding.refundsBeforeSettlement(),
				funding.refundsAfterSettlement(), funding.refunds(), funding.voids(), funding.voidAmount(),
				funding.merchantFees(), funding.collectedPayments(), funding.paymentsCollected(),
				funding.netFunding()));
		return cells;
	}

	private static boolean byPlan(@Nullable String by) {
		if (by == null || by.isBlank() || "day".equalsIgnoreCase(by.strip())) {
			return false;
		}
		if ("plan".equalsIgnoreCase(by.strip())) {
			return true;
		}
		throw new InvalidReportRequestException("The CSV's rows are not valid.",
				List.of(new FieldProblem("by", "must be day or plan")));
	}

	@GetMapping("/applications")
	ApplicationsReport applications(@Nullable String from, @Nullable String to,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		return this.queries.applications(ReportRange.of(from, to), ReportScope.of(caller, practiceId));
	}

	@GetMapping("/trends")
	TrendsReport trends(@Nullable String from, @Nullable String to, @Nullable String period,
			@RequestParam(required = false) @Nullable String practiceId, JwtAuthenticationToken caller) {
		ReportRange range = ReportRange.of(from, to);
		return this.queries.trends(range, ReportScope.of(caller, practiceId), period(period));
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
