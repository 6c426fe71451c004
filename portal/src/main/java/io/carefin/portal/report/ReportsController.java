package io.carefin.portal.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.carefin.portal.api.ReportsApi;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.BarChart;
import io.carefin.portal.workspace.Money;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.DateRange;
import io.carefin.portal.workspace.PracticeCalendar;

/**
 * The reports page: for a validated date range, the summary, the daily funding with each
 * day's plans, the applications funnel with decline reasons, and the trend by week or
 * month as a chart with its table; the daily funding downloads as the API's CSV.
 */
@Controller
class ReportsController {

	private final ReportsApi reports;

	private final PracticeCalendar calendar;

	private final Money money;

	ReportsController(ReportsApi reports, PracticeCalendar calendar, Money money) {
		this.reports = reports;
		this.calendar = calendar;
		this.money = money;
	}

	@GetMapping("/reports")
	String reports(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String period, HttpServletResponse response, Model model) {
		Permission.VIEW_REPORTS.require(user);
		DateRange range = range(from, to);
		String trendPeriod = "MONTH".equalsIgnoreCase(period) ? "MONTH" : "WEEK";
		model.addAttribute("from", (from != null) ? from : range.from().toString());
		model.addAttribute("to", (to != null) ? to : range.to().toString());
		model.addAttribute("period", trendPeriod);
		model.addAttribute("errors", range.errors());
		if (range.errors().any()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "report/reports";
		}
		String first = range.from().toString();
		String last = range.to().toString();
		model.addAttribute("summary", this.reports.summary(first, last));
		model.addAttribute("funding", this.reports.dailyFunding(first, last));
		ReportsApi.ApplicationsReport applications = this.reports.applications(first, last);
		model.addAttribute("applications", applications);
		model.addAttribute("declineChart",
				new BarChart("decline-chart", "Declined applications by reason",
						applications.declineReasonList()
							.stream()
							.map((reason) -> new BarChart.Bar(reason.reason(), BigDecimal.valueOf(reason.declined()),
									Long.toString(reason.declined())))
							.toList()));
		ReportsApi.Trends trends = this.reports.trends(first, last, trendPeriod);
		model.addAttribute("trendChart",
				new BarChart("trend-chart",
						"Purchase volume by " + trendPeriod.toLowerCase() + ", " + first + " to " + last,
						trends.pointList()
							.stream()
							.map((point) -> new BarChart.Bar(point.periodStart().toString(), point.purchases().volume(),
									this.money.of(point.purchases().volume()) + " (" + point.purchases().count() + ")"))
							.toList()));
		return "report/reports";
	}

	@GetMapping("/reports/daily-funding.csv")
	ResponseEntity<String> dailyFundingCsv(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "day") String by) {
		Permission.VIEW_REPORTS.require(user);
		DateRange range = range(from, to);
		if (range.errors().any()) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_PLAIN)
				.body(range.errors().list().getFirst().message());
		}
		String rows = "plan".equals(by) ? "plan" : "day";
		String csv = this.reports.dailyFundingCsv(range.from().toString(), range.to().toString(), rows);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("daily-funding-%s-%s%s.csv".formatted(range.from(), range.to(),
								"plan".equals(rows) ? "-by-plan" : ""))
						.build()
						.toString())
			.body(csv);
	}

	private DateRange range(@Nullable String from, @Nullable String to) {
		LocalDate today = this.calendar.today();
		return DateRange.of(from, to, today.withDayOfMonth(1), today);
	}

}
