package io.carefin.account.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.account.account.SupportAudit;
import io.carefin.account.ledger.BusinessCalendar;
import io.carefin.starter.web.Csv;

/**
 * The support-access audit for auditors: who read or changed which patient's account,
 * when and why, a page at a time over a range of days, or the whole range as CSV streamed
 * from the database. Days are those of the platform's business day.
 */
@RestController
@PreAuthorize("hasRole('AUDITOR')")
class SupportAuditController {

	static final int MAX_PAGE_SIZE = 200;

	static final int MAX_DAYS = 366;

	private static final int DEFAULT_DAYS = 7;

	private final SupportAudit audit;

	private final BusinessCalendar calendar;

	SupportAuditController(SupportAudit audit, BusinessCalendar calendar) {
		this.audit = audit;
		this.calendar = calendar;
	}

	@GetMapping("/api/accounts/audit")
	SupportAudit.Page page(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable UUID accountId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw badRequest("The page is a number from 0.");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw badRequest("A page holds from 1 to " + MAX_PAGE_SIZE + " entries.");
		}
		Range range = range(from, to);
		return this.audit.page(range.from(), range.until(), accountId, page, size);
	}

	@GetMapping(path = "/api/accounts/audit/export", produces = "text/csv")
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			HttpServletResponse response) throws IOException {
		Range range = range(from, to);
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"support-audit-" + range.first() + "-to-" + range.last() + ".csv\"");
		Writer out = response.getWriter();
		out.write(Csv.row("occurredAt", "actor", "reason", "accountId", "action"));
		this.audit.export(range.from(), range.until(), (entry) -> {
			try {
				out.write(Csv.row(entry.occurredAt(), entry.actor(), entry.reason(),
						Objects.requireNonNullElse(entry.accountId(), ""), entry.action()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}

	/**
	 * The days asked for, by default the last seven up to today, checked.
	 */
	private Range range(@Nullable LocalDate from, @Nullable LocalDate to) {
		ZoneId zone = this.calendar.zoneOf(null);
		LocalDate last = (to != null) ? to : this.calendar.today(zone);
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw badRequest("The range starts (from) on or before the day it ends (to).");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw badRequest("A range covers at most " + MAX_DAYS + " days; export a longer period in parts.");
		}
		return new Range(first, last, first.atStartOfDay(zone).toInstant(),
				last.plusDays(1).atStartOfDay(zone).toInstant());
	}

	private static ErrorResponseException badRequest(String detail) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
	}

	/**
	 * A range of days and the instants it spans.
	 *
	 * @param first its first day
	 * @param last its last day
	 * @param from the instant its first day begins
	 * @param until the instant after its last day ends
	 */
	private record Range(LocalDate first, LocalDate last, Instant from, Instant until) {
	}

}
