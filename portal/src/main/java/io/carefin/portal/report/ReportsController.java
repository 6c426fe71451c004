package io.carefin.portal.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
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
 * month as a chart with its table; every table downloads as the API's own CSV, streamed
 * through.
 */
@Controller
class ReportsController {

	private static final List<String> APPLICATION_ROWS = List.of("keyed", "reason", "day");

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
		String trendPeriod = trendPeriod(period);
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
						"Purchase volume by " + trendPeriod.toLowerCase(Locale.ROOT) + ", " + first + " to " + last,
						trends.pointList()
							.stream()
							.map((point) -> new BarChart.Bar(point.periodStart().toString(), point.purchases().volume(),
									this.money.of(point.purchases().volume()) + " (" + point.purchases().count() + ")"))
							.toList()));
		return "report/reports";
	}

	/**
	 * The daily funding as the API's CSV, by day or by day and plan; when the API can't
	 * split it by plan, the reports page says so and the download by day stays.
	 */
	@GetMapping("/reports/daily-funding.csv")
	@Nullable String dailyFundingCsv(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "day") String by, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		Permission.VIEW_REPORTS.require(user);
		boolean byPlan = "plan".equals(by);
		try {
			csv(from, to, response, (first, last) -> this.reports.dailyFundingCsv(first, last, byPlan ? "plan" : "day"),
					"daily-funding", byPlan ? "-by-plan" : "");
			return null;
		}
		catch (ApiProblemException ex) {
			if (!byPlan || (ex.status() != 400 && ex.status() != 404)) {
				throw ex;
			}
			redirect.addFlashAttribute("problem",
					"The daily funding can't be downloaded by plan for now: download it by day instead.");
			if (from != null) {
				redirect.addAttribute("from", from);
			}
			if (to != null) {
				redirect.addAttribute("to", to);
			}
			return "redirect:/reports";
		}
	}

	@GetMapping("/reports/summary.csv")
	void summaryCsv(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, HttpServletResponse response) throws IOException {
		Permission.VIEW_REPORTS.require(user);
		csv(from, to, response, this.reports::summaryCsv, "summary", "");
	}

	/**
	 * The applications as the API's CSV: by who keyed them (the funnel's table), by
	 * decline reason, or by day.
	 */
	@GetMapping("/reports/applications.csv")
	void applicationsCsv(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "keyed") String by, HttpServletResponse response) throws IOException {
		Permission.VIEW_REPORTS.require(user);
		String rows = APPLICATION_ROWS.contains(by) ? by : "keyed";
		csv(from, to, response, (first, last) -> this.reports.applicationsCsv(first, last, rows), "applications",
				"-by-" + rows);
	}

	@GetMapping("/reports/trends.csv")
	void trendsCsv(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String period, HttpServletResponse response) throws IOException {
		Permission.VIEW_REPORTS.require(user);
		String trendPeriod = trendPeriod(period);
		csv(from, to, response, (first, last) -> this.reports.trendsCsv(first, last, trendPeriod), "trends",
				"-by-" + trendPeriod.toLowerCase(Locale.ROOT));
	}

	/**
	 * Streams the API's CSV for a valid range through to the browser, with the API's own
	 * file name (or, when it gives none, the report's name and range); a range that can't
	 * be read answers its sentence.
	 */
	private void csv(@Nullable String from, @Nullable String to, HttpServletResponse response,
			BiFunction<String, String, ResponseEntity<InputStream>> call, String name, String suffix)
			throws IOException {
		DateRange range = range(from, to);
		if (range.errors().any()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter().write(range.errors().list().getFirst().message());
			return;
		}
		ResponseEntity<InputStream> answer = call.apply(range.from().toString(), range.to().toString());
		HttpHeaders headers = answer.getHeaders();
		String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
		MediaType type = headers.getContentType();
		response.setContentType(
				(type != null) ? type.toString() : new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				(disposition != null) ? disposition
						: ContentDisposition.attachment()
							.filename("%s-%s-%s%s.csv".formatted(name, range.from(), range.to(), suffix))
							.build()
							.toString());
		try (InputStream body = answer.getBody()) {
			if (body != null) {
				body.transferTo(response.getOutputStream());
			}
		}
	}

	private static String trendPeriod(@Nullable String period) {
		return "MONTH".equalsIgnoreCase(period) ? "MONTH" : "WEEK";
	}

	private DateRange range(@Nullable String from, @Nullable String to) {
		LocalDate today = this.calendar.today();
		return DateRange.of(from, to, today.withDayOfMonth(1), today);
	}

}
