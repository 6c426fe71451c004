package io.carefin.portal.recovery;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.AuthApi;
import io.carefin.portal.config.FormErrors;

/**
 * "Forgot User ID?" and "Forgot Password?": the API e-mails the User ID or a reset link,
 * and the page answers the same whatever was typed, so nobody learns whether a User ID or
 * e-mail address belongs to a CareFin user.
 */
@Controller
class ForgottenController {

	private final AuthApi auth;

	ForgottenController(AuthApi auth) {
		this.auth = auth;
	}

	@GetMapping("/forgot-user-id")
	String userIdPage(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", EmailForm.empty());
		}
		return "recovery/forgot-user-id";
	}

	@PostMapping("/forgot-user-id")
	String remindUserId(EmailForm form, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		FormErrors errors = form.check();
		if (errors.any()) {
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "recovery/forgot-user-id";
		}
		try {
			this.auth.remindUserId(new AuthApi.UserIdReminder(form.email().strip()));
		}
		catch (ApiProblemException ex) {
			sameAnswerUnlessOutOfBudget(ex);
		}
		redirect.addFlashAttribute("sent", true);
		return "redirect:/forgot-user-id";
	}

	@GetMapping("/forgot-password")
	String passwordPage(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PasswordResetRequestForm.empty());
		}
		return "recovery/forgot-password";
	}

	@PostMapping("/forgot-password")
	String requestReset(PasswordResetRequestForm form, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = form.check();
		if (errors.any()) {
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "recovery/forgot-password";
		}
		try {
			this.auth
				.requestPasswordReset(new AuthApi.PasswordResetRequest(form.userId().strip(), form.email().strip()));
		}
		catch (ApiProblemException ex) {
			sameAnswerUnlessOutOfBudget(ex);
		}
		redirect.addFlashAttribute("sent", true);
		return "redirect:/forgot-password";
	}

	// the API answers 202 whatever it is given; a refusal of the input itself must read
	// the same, or the page would tell what the API does not
	private static void sameAnswerUnlessOutOfBudget(ApiProblemException ex) {
		if (ex.status() != 400) {
			throw ex;
		}
	}

}
