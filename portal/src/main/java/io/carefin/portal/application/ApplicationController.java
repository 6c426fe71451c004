package io.carefin.portal.application;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.PracticeCalendar;
import io.carefin.portal.workspace.Refusals;

/**
 * A new credit application, its decision, and the practice's applications waiting for
 * review.
 */
@Controller
class ApplicationController {

	static final int PENDING_SHOWN = 50;

	private final TransactionsApi transactions;

	private final PracticeCalendar calendar;

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

	@GetMapping("/applications")
	String applications(Model model) {
		model.addAttribute("pending", this.transactions.applications("PENDING_REVIEW", PENDING_SHOWN));
		return "application/list";
	}

}
