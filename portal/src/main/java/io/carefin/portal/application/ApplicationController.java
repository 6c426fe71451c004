package io.carefin.portal.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.Pagination;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.PracticeCalendar;
import io.carefin.portal.workspace.Refusals;

/**
 * A new credit application, its decision, and the practice's applications, a page at a
 * time.
 */
@Controller
class ApplicationController {

	static final int PAGE_SIZE = 20;

	static final int MAX_PAGE = 10_000;

	/**
	 * The statuses the list filters on, with their words.
	 */
	static final Map<String, String> STATUSES = statuses();

	private final TransactionsApi transactions;

	private final PracticeCalendar calendar;

	private static Map<String, String> statuses() {
		Map<String, String> statuses = new LinkedHashMap<>();
		statuses.put("APPROVED", "Approved");
		statuses.put("DECLINED", "Declined");
		statuses.put("PENDING_REVIEW", "Pending review");
		return Collections.unmodifiableMap(statuses);
	}

	ApplicationController(TransactionsApi transactions, PracticeCalendar calendar) {
		this.transactions = transactions;
		this.calendar = calendar;
	}

	@GetMapping("/applications/new")
	String form(@AuthenticationPrincipal SignedInUser user, Model model) {
		Permission.PROCESS_APPLICATIONS.require(user);
		model.addAttribute("form", ApplicationForm.empty());
		return "application/new";
	}

	@PostMapping("/applications")
	String apply(@AuthenticationPrincipal SignedInUser user, ApplicationForm form, HttpServletResponse response,
			Model model) {
		Permission.PROCESS_APPLICATIONS.require(user);
		FormErrors errors = form.check(this.calendar.today());
		if (!errors.any()) {
			try {
				TransactionsApi.Application application = this.transactions.apply(form.request());
				return "redirect:/applications/" + application.applicationId();
			}
			catch (ApiProblemException ex) {
				if (!Refusals.isAboutTheForm(ex)) {
					throw ex;
				}
				errors = errors.and("firstName",
						Refusals.sentence(ex, "CareFin could not accept the application: check the details."));
			}
		}
		model.addAttribute("form", form.withoutSsn());
		model.addAttribute("errors", errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "application/new";
	}

	@GetMapping("/applications/{id}")
	String application(@PathVariable UUID id, Model model) {
		TransactionsApi.Application application;
		try {
			application = this.transactions.application(id);
		}
		catch (ApiProblemException ex) {
			throw Refusals.notFoundOr(ex, "application");
		}
		model.addAttribute("decision", application);
		model.addAttribute("reasons", Decisions.sentences(application.reasons()));
		return "application/decision";
	}

	/**
	 * The practice's applications, newest first, a page at a time, all of them or those
	 * with one status.
	 */
	@GetMapping("/applications")
	String applications(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String page, Model model) {
		Permission.PROCESS_APPLICATIONS.require(user);
		String shown = STATUSES.containsKey(status) ? status : null;
		int number = pageNumber(page);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("status", shown);
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/applications")
			.queryParamIfPresent("status", Optional.ofNullable(shown));
		try {
			ResponseEntity<List<TransactionsApi.ApplicationSummary>> answer = this.transactions.applications(number,
					PAGE_SIZE, shown);
			List<TransactionsApi.ApplicationSummary> applications = (answer.getBody() != null) ? answer.getBody()
					: List.of();
			model.addAttribute("applications", applications);
			model.addAttribute("pagination",
					Pagination.of(number, PAGE_SIZE, total(answer, number, applications.size()), base));
		}
		catch (ApiProblemException ex) {
			if (!Refusals.isAboutTheForm(ex)) {
				throw ex;
			}
			model.addAttribute("applications", List.of());
			model.addAttribute("pagination", Pagination.of(0, PAGE_SIZE, 0, base));
			model.addAttribute("problem", Refusals.sentence(ex, "CareFin could not list these applications."));
		}
		return "application/list";
	}

	// the API's X-Total-Count; without it, what this page shows tells at least as many
	private static long total(ResponseEntity<?> answer, int page, int shown) {
		String header = answer.getHeaders().getFirst("X-Total-Count");
		if (header != null) {
			try {
				return Math.max(Long.parseLong(header.strip()), 0);
			}
			catch (NumberFormatException ex) {
				// the floor below
			}
		}
		return (long) page * PAGE_SIZE + shown;
	}

	private static int pageNumber(@Nullable String page) {
		if (page == null) {
			return 0;
		}
		try {
			return Math.clamp(Integer.parseInt(page.strip()), 0, MAX_PAGE);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
