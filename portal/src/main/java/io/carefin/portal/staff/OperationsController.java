package io.carefin.portal.staff;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.workspace.BarChart;
import io.carefin.portal.workspace.DateRange;

/**
 * Operations' running of the platform: the security report as charts and tables, each
 * service's dead letters with replay, the notification delivery log, and maintenance
 * mode; each change with a reason.
 */
@Controller
class OperationsController {

	/**
	 * The services that park records, by the API prefix of their dead letters, with their
	 * names.
	 */
	static final Map<String, String> DEAD_LETTER_SERVICES = deadLetterServices();

	private static final Logger logger = LoggerFactory.getLogger(OperationsController.class);

	private static final String REASON_NEEDED = "Give the reason for this change; it goes in the audit trail.";

	private final OpsApi ops;

	private final StaffActions actions;

	private final Clock clock;

	OperationsController(OpsApi ops, StaffActions actions, Clock clock) {
		this.ops = ops;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping("/staff/security")
	String security(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, HttpServletResponse response, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		DateRange range = DateRange.of(from, to, today.minusDays(13), today);
		model.addAttribute("from", range.from());
		model.addAttribute("to", range.to());
		if (range.errors().any()) {
			model.addAttribute("errors", range.errors());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "staff/security";
		}
		OpsApi.SecurityReport report = this.ops.securityReport(range.from().toString(), range.to().toString());
		OpsApi.Figures totals = report.totals();
		model.addAttribute("report", report);
		model.addAttribute("totalsChart", new BarChart("security-totals", "Sign-in security, whole range",
				List.of(bar("Sign-ins", totals.signInsSucceeded()), bar("Failed passwords", totals.signInsFailed()),
						bar("Failed codes", totals.secondFactorFailures()), bar("Lockouts", totals.lockouts()),
						bar("Locked until support", totals.permanentLocks()),
						bar("Suspensions", totals.suspensions()))));
		Map<LocalDate, Long> failuresByDay = new TreeMap<>();
		for (OpsApi.SecurityDay day : report.days()) {
			failuresByDay.merge(day.businessDay(), day.figures().signInsFailed() + day.figures().secondFactorFailures(),
					Long::sum);
		}
		model.addAttribute("failuresChart", new BarChart("security-failures", "Failed passwords and codes by day",
				failuresByDay.entrySet().stream().map((day) -> bar(day.getKey().toString(), day.getValue())).toList()));
		return "staff/security";
	}

	@GetMapping("/staff/dead-letters")
	String deadLetters(Model model) {
		Map<String, @Nullable List<OpsApi.DeadLetter>> lists = new LinkedHashMap<>();
		DEAD_LETTER_SERVICES.keySet().forEach((service) -> lists.put(service, listOf(service)));
		model.addAttribute("services", DEAD_LETTER_SERVICES);
		model.addAttribute("deadLetters", lists);
		return "staff/dead-letters";
	}

	@PostMapping("/staff/dead-letters/{service}/{topic}/{partition}/{offset}/replay")
	String replay(@PathVariable String service, @PathVariable String topic, @PathVariable int partition,
			@PathVariable long offset, @RequestParam(required = false) @Nullable String reason,
			Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		requireService(service);
		if (reason == null || reason.isBlank()) {
			model.addAttribute("problem", REASON_NEEDED);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return deadLetters(model);
		}
		String target = service + " " + topic + "/" + partition + "/" + offset;
		return replayed(redirect, "The record is sent back to " + DEAD_LETTER_SERVICES.get(service) + ".",
				() -> this.actions.audited(StaffUser.required(authentication), "REPLAY_DEAD_LETTER", target,
						reason.strip(), () -> this.ops.replay(service, topic, partition, offset)));
	}

	@PostMapping("/staff/dead-letters/{service}/replay")
	String replayAll(@PathVariable String service, @RequestParam(required = false) @Nullable String reason,
			Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		requireService(service);
		if (reason == null || reason.isBlank()) {
			model.addAttribute("problem", REASON_NEEDED);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return deadLetters(model);
		}
		return replayed(redirect, "Every parked record is sent back to " + DEAD_LETTER_SERVICES.get(service) + ".",
				() -> this.actions.audited(StaffUser.required(authentication), "REPLAY_ALL_DEAD_LETTERS", service,
						reason.strip(), () -> this.ops.replayAll(service)));
	}

	@GetMapping("/staff/deliveries")
	String deliveries(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String channel, Model model) {
		String chosenStatus = (status != null
				&& List.of("SENDING", "RETRYING", "SENT", "CAPPED", "FAILED").contains(status)) ? status : null;
		String chosenChannel = (channel != null && List.of("EMAIL", "SMS").contains(channel)) ? channel : null;
		model.addAttribute("status", chosenStatus);
		model.addAttribute("channel", chosenChannel);
		model.addAttribute("log", this.ops.deliveries(chosenStatus, chosenChannel, 200));
		return "staff/deliveries";
	}

	@GetMapping("/staff/maintenance")
	String maintenance(Model model) {
		model.addAttribute("state", this.ops.maintenance());
		if (!model.containsAttribute("message")) {
			model.addAttribute("message", "");
		}
		return "staff/maintenance";
	}

	@PostMapping("/staff/maintenance")
	String startMaintenance(@RequestParam(required = false) @Nullable String message,
			@RequestParam(required = false) @Nullable String until,
			@RequestParam(required = false) @Nullable String reason, Authentication authentication,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		FormErrors errors = FormErrors.none();
		if (message == null || message.isBlank()) {
			errors = errors.and("message", "Write the message every page shows during maintenance.");
		}
		Instant end = null;
		try {
			end = (until == null || until.isBlank()) ? null
					: LocalDateTime.parse(until.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			end = null;
		}
		if (end == null || !end.isAfter(this.clock.instant())) {
			errors = errors.and("until", "Enter when maintenance ends, in UTC, later than now.");
		}
		if (reason == null || reason.isBlank()) {
			errors = errors.and("reason", REASON_NEEDED);
		}
		if (errors.any()) {
			model.addAttribute("errors", errors);
			model.addAttribute("message", (message != null) ? message : "");
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return maintenance(model);
		}
		OpsApi.MaintenanceWindow window = new OpsApi.MaintenanceWindow(message.strip(), end);
		return changed(redirect, "Maintenance mode is on.",
				() -> this.actions.audited(StaffUser.required(authentication), "START_MAINTENANCE",
						"until " + window.until(), reason.strip(), () -> this.ops.startMaintenance(window)));
	}

	@PostMapping("/staff/maintenance/off")
	String endMaintenance(@RequestParam(name = "offReason", required = false) @Nullable String reason,
			Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (reason == null || reason.isBlank()) {
			model.addAttribute("errors", FormErrors.none().and("offReason", REASON_NEEDED));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return maintenance(model);
		}
		return changed(redirect, "Maintenance mode is off.",
				() -> this.actions.audited(StaffUser.required(authentication), "END_MAINTENANCE", "maintenance",
						reason.strip(), this.ops::endMaintenance));
	}

	private @Nullable List<OpsApi.DeadLetter> listOf(String service) {
		try {
			return this.ops.deadLetters(service).deadLetters();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read {}'s dead letters: {}", service, ex.getMessage());
			return null;
		}
	}

	private static void requireService(String service) {
		if (!DEAD_LETTER_SERVICES.containsKey(service)) {
			throw new io.carefin.portal.workspace.NotFoundException("A service's dead letters");
		}
	}

	private static String replayed(RedirectAttributes redirect, String outcome, Runnable replay) {
		changed(redirect, outcome, replay);
		return "redirect:/staff/dead-letters";
	}

	private static String changed(RedirectAttributes redirect, String outcome, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("outcome", outcome);
		}
		catch (ApiProblemException ex) {
			if (ex.status() == HttpStatus.UNAUTHORIZED.value()) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", Refusal.sentence(ex));
		}
		return "redirect:/staff/maintenance";
	}

	private static BarChart.Bar bar(String label, long value) {
		return new BarChart.Bar(label, BigDecimal.valueOf(value), Long.toString(value));
	}

	private static Map<String, String> deadLetterServices() {
		Map<String, String> services = new LinkedHashMap<>();
		services.put("notifications", "notification-service");
		services.put("accounts", "account-service");
		services.put("transactions", "transaction-service");
		services.put("reports", "reporting-service");
		return java.util.Collections.unmodifiableMap(services);
	}

}
