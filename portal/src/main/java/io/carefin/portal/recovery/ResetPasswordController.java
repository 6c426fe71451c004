package io.carefin.portal.recovery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.AuthApi;
import io.carefin.portal.config.FormErrors;

/**
 * The reset link's page: a new password for the user the link was sent to.
 */
@Controller
class ResetPasswordController {

	private final AuthApi auth;

	ResetPasswordController(AuthApi auth) {
		this.auth = auth;
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return FormErrors.none();
	}

	/**
	 * The link itself: the token moves into the session, out of the address bar.
	 */
	@GetMapping(path = "/reset-password", params = "token")
	String link(@RequestParam String token, HttpServletRequest request) {
		request.getSession().setAttribute(LinkToken.RESET, new LinkToken(token));
		return "redirect:/reset-password";
	}

	@GetMapping("/reset-password")
	String page(HttpServletRequest request) {
		return (LinkToken.in(request.getSession(false), LinkToken.RESET) != null) ? "recovery/reset-password"
				: linkInvalid(request, null);
	}

	@PostMapping("/reset-password")
	String reset(NewPasswordForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		LinkToken token = LinkToken.in(session, LinkToken.RESET);
		if (session == null || token == null) {
			return linkInvalid(request, response);
		}
		FormErrors errors = form.check();
		if (errors.any()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "recovery/reset-password";
		}
		try {
			this.auth.resetPassword(new AuthApi.PasswordReset(token.value(), form.newPassword()));
		}
		catch (ApiProblemException ex) {
			if (PasswordRefusals.isRefusal(ex)) {
				model.addAttribute("errors", PasswordRefusals.of(ex, "newPassword"));
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return "recovery/reset-password";
			}
			if (ex.status() == 400) {
				return linkInvalid(request, response);
			}
			throw ex;
		}
		session.removeAttribute(LinkToken.RESET);
		redirect.addFlashAttribute("done", true);
		return "redirect:/reset-password/done";
	}

	@GetMapping("/reset-password/done")
	String done(Model model) {
		return model.containsAttribute("done") ? "recovery/reset-password-done" : "redirect:/";
	}

	private static String linkInvalid(HttpServletRequest request, @Nullable HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(LinkToken.RESET);
		}
		if (response != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		request.setAttribute("link", "reset");
		return "recovery/link-invalid";
	}

}
