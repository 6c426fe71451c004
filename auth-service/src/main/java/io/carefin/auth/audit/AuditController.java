package io.carefin.auth.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.starter.web.Csv;

/**
 * The auditors' read-only view of the security audit trail: a page of a date range, and
 * the whole range as CSV, streamed as it is read. Reading the trail is not itself
 * audited.
 */
@RestController
@RequestMapping("/api/auth/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	private static final List<String> HEADER = List.of("occurredAt", "action", "outcome", "userId", "practiceId",
			"practiceName", "actor", "clientIp", "reason");

	private final AuditLog log;

	private final Clock clock;

	AuditController(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	@GetMapping
	Page entries(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable AuditAction action,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		AuditRange range = AuditRange.of(from, to, this.clock);
		return new Page(this.log.page(range, action, page, size), page, size, this.log.count(range, action));
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable AuditAction action, HttpServletResponse response)
			throws IOException {
		AuditRange range = AuditRange.of(from, to, this.clock);
		response.setContentType(Csv.MEDIA_TYPE + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("audit-" + range.from() + "-to-" + range.to() + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		Writer out = response.getWriter();
		out.write(Csv.row(HEADER));
		try {
			this.log.stream(range, action, (entry) -> write(out, entry));
		}
		catch (UncheckedIOException ex) {
			// the client went away; nothing left to answer
			throw ex.getCause();
		}
		out.flush();
	}

	private static void write(Writer out, AuditLog.Entry entry) {
		try {
			out.write(Csv.row(Arrays.asList(entry.occurredAt(), entry.action(), entry.outcome(), entry.userId(),
					entry.practiceId(), entry.practiceName(), entry.actor(), entry.clientIp(), entry.reason())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A page of the trail, newest first.
	 *
	 * @param items the page's entries
	 * @param page the page's number, from 0
	 * @param size the most entries a page holds
	 * @param total how many entries the whole range holds
	 */
	record Page(List<AuditLog.Entry> items, int page, int size, long total) {
	}

}
