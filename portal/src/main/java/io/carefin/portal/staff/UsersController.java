package io.carefin.portal.staff;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.config.FormErrors;

/**
 * Support's practice users: find one by user ID, e-mail or practice, see their standing
 * and security events, and unlock, suspend, reactivate or invite them again, each with a
 * reason.
 */
@Controller
class UsersController {

	/**
	 * The policy reasons for a suspension, with their words.
	 */
	static final Map<String, String> SUSPENSION_REASONS = Map.of("POLICY_VIOLATION", "Policy violation",
			"SUSPECTED_FRAUD", "Suspected fraud", "PRACTICE_REQUEST", "The practice asked", "INACTIVITY", "Inactivity",
			"OTHER", "Other");

	static final List<String> SUSPENSION_ORDER = List.of("POLICY_VIOLATION", "SUSPECTED_FRAUD", "PRACTICE_REQUEST",
			"INACTIVITY", "OTHER");

	private static final int PAGE_SIZE = 20;

	private final SupportApi support;

	private final StaffActions actions;

	UsersController(SupportApi support, StaffActions actions) {
		this.support = support;
		this.actions = actions;
	}

	@GetMapping("/staff/users")
	String find(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("q", (q != null) ? q : "");
		if (q != null && !q.isBlank()) {
			model.addAttribute("found", this.support.users(q.strip(), Math.max(page, 0), PAGE_SIZE));
		}
		else if (q != null) {
			model.addAttribute("errors",
					FormErrors.none().and("q", "Enter a user ID, an e-mail address or a practice."));
		}
		return "staff/users";
	}

	@GetMapping("/staff/users/{userId}")
	String user(@PathVariable String userId, Model model) {
		model.addAttribute("user", this.support.user(userId));
		model.addAttribute("events", this.support.events(userId, 50));
		model.addAttribute("suspensionReasons", SUSPENSION_ORDER);
		model.addAttribute("suspensionWords", SUSPENSION_REASONS);
		return "staff/user";
	}

	@PostMapping("/staff/users/{userId}/{action:unlock|suspend|reactivate|invitation}")
	String act(@PathVariable String userId, @PathVariable String action, @RequestParam Map<String, String> form,
			Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		StaffUser staff = StaffUser.required(authentication);
		String reason = form.get("reason-" + action);
		String policy = form.get("policy");
		FormErrors errors = FormErrors.none();
		if ("suspend".equals(action) && (policy == null || !SUSPENSION_REASONS.containsKey(policy))) {
			errors = errors.and("policy", "Choose the policy reason for the suspension.");
		}
		if (reason == null || reason.isBlank()) {
			errors = errors.and("reason-" + action, "Give the reason for this change; it goes in the audit trail.");
		}
		if (errors.any()) {
			model.addAttribute("errors", errors);
			model.addAttribute("failedAction", action);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			user(userId, model);
			return "staff/user";
		}
		String why = reason.strip();
		String done;
		try {
			switch (action) {
				case "unlock" -> {
					this.actions.audited(staff, "UNLOCK_USER", userId, why,
							() -> this.support.unlock(userId, new SupportApi.Reason(why)));
					done = userId + " is unlocked.";
				}
				case "suspend" -> {
					this.actions.audited(staff, "SUSPEND_USER", userId, policy + ": " + why,
							() -> this.support.suspend(userId, new SupportApi.Suspension(policy, why)));
					done = userId + " is suspended.";
				}
				case "reactivate" -> {
					this.actions.audited(staff, "REACTIVATE_USER", userId, why,
							() -> this.support.reactivate(userId, new SupportApi.Reason(why)));
					done = userId + " is active again.";
				}
				default -> {
					this.actions.audited(staff, "RESEND_INVITATION", userId, why,
							() -> this.support.resendInvitation(userId, new SupportApi.Reason(why)));
					done = "A new invitation is on its way to " + userId + ".";
				}
			}
		}
		catch (ApiProblemException ex) {
			if (ex.status() == HttpStatus.UNAUTHORIZED.value() || ex.status() == HttpStatus.NOT_FOUND.value()) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", Refusal.sentence(ex));
			return "redirect:/staff/users/" + UriUtils.encodePathSegment(userId, "UTF-8");
		}
		redirect.addFlashAttribute("outcome", done + " Reason recorded: " + why);
		return "redirect:/staff/users/" + UriUtils.encodePathSegment(userId, "UTF-8");
	}

}
