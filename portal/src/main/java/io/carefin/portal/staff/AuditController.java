package io.carefin.portal.staff;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;

import io.carefin.portal.config.FormErrors;

/**
 * The auditors' view: auth-service's security trail, account-service's support-access
 * trail and the console's own actions, for any range of days, a page at a time or as CSV.
 * The services' CSV is streamed through as it arrives, never held whole in the portal.
 */
@Controller
class AuditController {

	static final List<String> TRAILS = List.of("security", "support", "console");

	static final List<String> SECURITY_ACTIONS = List.of("SIGN_IN", "SECOND_FACTOR", "LOCK", "UNLOCK", "SUSPEND",
			"REACTIVATE", "FACTOR_ENROL", "FACTOR_REMOVE", "RESET_REQUEST", "RESET_REDEEM", "PASSWORD_CHANGE",
			"USER_ID_REMINDER", "LOGOUT", "INVITE", "INVITE_RESEND", "ACTIVATE", "CHANGE_ACCESS", "DISABLE", "ENABLE",
			"PRACTICE_ENROL", "PRACTICE_CHANGE", "PRACTICE_CLOSE");

	private static final int PAGE_SIZE = 50;

	private final AuditApi audit;

	private final StaffActions actions;

	private final RestClient staffRestClient;

	private final Clock clock;

	AuditController(AuditApi audit, StaffActions actions, RestClient staffRestClient, Clock clock) {
		this.audit = audit;
		this.actions = actions;
		this.staffRestClient = staffRestClient;
		this.clock = clock;
	}

	@GetMapping("/staff/audit")
	String trail(@RequestParam(defaultValue = "security") String trail,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String action, @RequestParam(defaultValue = "0") int page,
			HttpServletResponse response, Model model) {
		String chosen = TRAILS.contains(trail) ? trail : "security";
		String filter = (action != null && SECURITY_ACTIONS.contains(action)) ? action : null;
		Days days = Days.of(from, to, LocalDate.now(this.clock));
		int pageNumber = Math.max(page, 0);
		model.addAttribute("trail", chosen);
		model.addAttribute("trails", TRAILS);
		model.addAttribute("securityActions", SECURITY_ACTIONS);
		model.addAttribute("action", filter);
		model.addAttribute("from", days.from());
		model.addAttribute("to", days.to());
		if (days.errors().any()) {
			model.addAttribute("errors", days.errors());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "staff/audit";
		}
		switch (chosen) {
			case "support" -> {
				AuditApi.SupportTrail support = this.audit.supportAccess(days.from().toString(), days.to().toString(),
						pageNumber, PAGE_SIZE);
				model.addAttribute("support", support);
				model.addAttribute("names",
						this.actions.usernames(support.items().stream().map(AuditApi.SupportEntry::actor).toList()));
			}
			case "console" ->
				model.addAttribute("console", this.actions.page(days.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
						days.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), pageNumber, PAGE_SIZE));
			default -> {
				AuditApi.SecurityTrail security = this.audit.security(days.from().toString(), days.to().toString(),
						filter, pageNumber, PAGE_SIZE);
				model.addAttribute("security", security);
				model.addAttribute("names",
						this.actions.usernames(security.items().stream().map(AuditApi.SecurityEntry::actor).toList()));
			}
		}
		return "staff/audit";
	}

	@GetMapping("/staff/audit/export")
	@Nullable String export(@RequestParam(defaultValue = "security") String trail,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			HttpServletResponse response, Model model) throws IOException {
		Days days = Days.of(from, to, LocalDate.now(this.clock));
		if (days.errors().any()) {
			return trail(trail, from, to, null, 0, response, model);
		}
		String fileName = trail + "-audit-" + days.from() + "-to-" + days.to() + ".csv";
		if ("console".equals(trail)) {
			startCsv(response, fileName);
			Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
			this.actions.export(days.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
					days.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), out);
			out.flush();
			return null;
		}
		String path = "support".equals(trail) ? "/api/accounts/audit/export" : "/api/auth/audit/export";
		Boolean streamed = this.staffRestClient.get()
			.uri((uri) -> uri.path(path).queryParam("from", days.from()).queryParam("to", days.to()).build())
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange((request, answer) -> {
				if (!answer.getStatusCode().is2xxSuccessful()) {
					return false;
				}
				startCsv(response, fileName);
				StreamUtils.copy(answer.getBody(), response.getOutputStream());
				response.flushBuffer();
				return true;
			});
		if (Boolean.TRUE.equals(streamed)) {
			return null;
		}
		response.setStatus(HttpStatus.BAD_GATEWAY.value());
		model.addAttribute("sentence", "The export could not be made just now. Try again in a moment.");
		return "staff/refused";
	}

	private static void startCsv(HttpServletResponse response, String fileName) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

	/**
	 * The days an audit page shows: the last 30 by default, any range otherwise.
	 *
	 * @param from first day
	 * @param to last day
	 * @param errors what was wrong with the parameters
	 */
	record Days(LocalDate from, LocalDate to, FormErrors errors) {

		static Days of(@Nullable String from, @Nullable String to, LocalDate today) {
			FormErrors errors = FormErrors.none();
			LocalDate last = today;
			LocalDate first = today.minusDays(30);
			try {
				if (to != null && !to.isBlank()) {
					last = LocalDate.parse(to.strip());
				}
			}
			catch (DateTimeParseException ex) {
				errors = errors.and("to", "Enter the end date as a date, like 2026-11-24.");
			}
			try {
				if (from != null && !from.isBlank()) {
					first = LocalDate.parse(from.strip());
				}
			}
			catch (DateTimeParseException ex) {
				errors = errors.and("from", "Enter the start date as a date, like 2026-11-24.");
			}
			if (!errors.any() && first.isAfter(last)) {
				errors = errors.and("from", "The start date must be on or before the end date.");
			}
			return new Days(first, last, errors);
		}

	}

}
