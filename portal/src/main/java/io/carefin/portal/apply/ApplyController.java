package io.carefin.portal.apply;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TooManyRequestsException;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.workspace.PracticeCalendar;

/**
 * The patient's own application through their practice's link: the form, sent to the API
 * without a token, then the decision page it redirects to, so that a refresh never sends
 * the application again. The SSN and date of birth go to the API and nowhere else: not
 * into the session, the address bar or the log.
 */
@Controller
class ApplyController {

	static final String DECISION = "io.carefin.portal.apply.DECISION";

	static final String PRACTICE = "io.carefin.portal.apply.PRACTICE";

	private static final Logger logger = LoggerFactory.getLogger(ApplyController.class);

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	/**
	 * The form's fields in the order the page shows them, for the API's field errors.
	 */
	private static final List<String> FIELDS = List.of("firstName", "lastName", "dateOfBirth", "ssn", "email", "mobile",
			"line1", "line2", "city", "state", "postalCode", "annualIncome", "monthlyHousingPayment",
			"requestedAmount");

	private final PatientApplicationsApi api;

	private final PracticeCalendar calendar;

	ApplyController(PatientApplicationsApi api, PracticeCalendar calendar) {
		this.api = api;
		this.calendar = calendar;
	}

	@GetMapping("/apply/{practiceCode}")
	String form(@PathVariable String practiceCode, HttpSession session, Model model) {
		Practice practice = practice(practiceCode, session);
		// a new application starts: the previous patient's decision on this device goes
		session.removeAttribute(DECISION);
		model.addAttribute("practice", practice);
		model.addAttribute("form", PatientApplicationForm.empty());
		return "apply/form";
	}

	@PostMapping("/apply/{practiceCode}")
	String apply(@PathVariable String practiceCode, PatientApplicationForm form, HttpSession session,
			HttpServletResponse response, Model model) {
		Practice practice = knownPractice(practiceCode, session);
		FormErrors errors = form.check(this.calendar.today());
		if (!errors.any()) {
			try {
				PatientApplicationsApi.Decision decision = this.api.apply(practice.code(), form.request());
				logger.info("A patient applied through practice link {}: {}", practice.code(), decision.status());
				session.setAttribute(DECISION, PatientDecision.of(practice.code(), practice.name(), decision));
				return "redirect:/apply/" + practice.code() + "/decision";
			}
			catch (InvalidApplicationException ex) {
				errors = apiErrors(ex.fields());
			}
			catch (ApiProblemException ex) {
				if (ex instanceof TooManyRequestsException || !gone(ex)) {
					throw ex;
				}
				session.removeAttribute(PRACTICE);
				throw new InvalidLinkException(practiceCode);
			}
		}
		model.addAttribute("practice", practice);
		model.addAttribute("form", form.withoutSsn());
		model.addAttribute("errors", errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "apply/form";
	}

	@GetMapping("/apply/{practiceCode}/decision")
	String decision(@PathVariable String practiceCode, HttpSession session, Model model) {
		if (!CODE.matcher(practiceCode).matches()) {
			throw new InvalidLinkException(practiceCode);
		}
		if (!(session.getAttribute(DECISION) instanceof PatientDecision decision)
				|| !decision.practiceCode().equals(practiceCode)) {
			return "redirect:/apply/" + practiceCode;
		}
		model.addAttribute("decision", decision);
		return "apply/decision";
	}

	@ExceptionHandler(InvalidLinkException.class)
	ModelAndView invalidLink() {
		return new ModelAndView("apply/invalid-link", HttpStatus.NOT_FOUND);
	}

	/**
	 * The practice of the link, asked of the API once per browser session and code: the
	 * gateway allows a browser 20 calls on these paths in 10 minutes, and a waiting
	 * room's patients may share one address.
	 */
	private Practice knownPractice(String practiceCode, HttpSession session) {
		if (session.getAttribute(PRACTICE) instanceof Practice practice && practice.code().equals(practiceCode)) {
			return practice;
		}
		return practice(practiceCode, session);
	}

	private Practice practice(String practiceCode, HttpSession session) {
		if (!CODE.matcher(practiceCode).matches()) {
			throw new InvalidLinkException(practiceCode);
		}
		PatientApplicationsApi.Practice found;
		try {
			found = this.api.practice(practiceCode);
		}
		catch (InvalidApplicationException ex) {
			throw new InvalidLinkException(practiceCode);
		}
		catch (ApiProblemException ex) {
			if (ex instanceof TooManyRequestsException || !gone(ex)) {
				throw ex;
			}
			throw new InvalidLinkException(practiceCode);
		}
		Practice practice = new Practice(practiceCode, found.name());
		session.setAttribute(PRACTICE, practice);
		return practice;
	}

	// unknown, or closed since the patient opened the form
	private static boolean gone(ApiProblemException ex) {
		return ex.status() == 404 || ex.is("practice-closed");
	}

	private static FormErrors apiErrors(List<String> fields) {
		FormErrors errors = FormErrors.none();
		for (String field : FIELDS) {
			if (fields.contains(field)) {
				errors = errors.and(field, PatientApplicationForm.sentence(field));
			}
		}
		return errors.any() ? errors : errors.and("firstName", PatientApplicationForm.sentence("unknown"));
	}

	/**
	 * The practice whose link the patient follows.
	 *
	 * @param code its link code
	 * @param name its name
	 */
	record Practice(String code, String name) implements Serializable {

	}

	/**
	 * A link to a practice that does not exist or no longer takes applications.
	 */
	static class InvalidLinkException extends RuntimeException {

		InvalidLinkException(@Nullable String practiceCode) {
			super("No practice takes applications through this link");
		}

	}

}
