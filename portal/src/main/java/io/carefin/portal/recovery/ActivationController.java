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

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.AuthApi;
import io.carefin.portal.config.FormErrors;

/**
 * The invitation link's page: an invited user chooses their first password, then signs
 * in. A practice that requires a second factor e-mails them a code at sign-in, so there
 * is nothing more to set up here.
 */
@Controller
class ActivationController {

	private final AuthApi auth;

	ActivationController(AuthApi auth) {
		this.auth = auth;
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return FormErrors.none();
	}

	/**
	 * The link itself: the token moves into the session, out of the address bar.
	 */
	@GetMapping(path = "/activate", params = "token")
	String link(@RequestParam String token, HttpServletRequest request) {
		request.getSession().setAttribute(LinkToken.ACTIVATION, new LinkToken(token));
		return "redirect:/activate";
	}

	@GetMapping("/activate")
	String page(HttpServletRequest request) {
		return (LinkToken.in(request.getSession(false), LinkToken.ACTIVATION) != null) ? "recovery/activate"
				: linkInvalid(request, null);
	}

	@PostMapping("/activate")
	String activate(NewPasswordForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpSession session = request.getSession(false);
		LinkToken token = LinkToken.in(session, LinkToken.ACTIVATION);
		if (session == null || token == null) {
			return linkInvalid(request, response);
		}
		FormErrors errors = form.check();
		if (errors.any()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "recovery/activate";
		}
		try {
			this.auth.activate(new AuthApi.Activation(token.value(), form.newPassword()));
		}
		catch (ApiProblemException ex) {
			if (PasswordRefusals.isRefusal(ex)) {
				model.addAttribute("errors", PasswordRefusals.of(ex, "newPassword"));
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return "recovery/activate";
			}
			if (ex.status() == 400) {
				return linkInvalid(request, response);
			}
			throw ex;
		}
		session.removeAttribute(LinkToken.ACTIVATION);
		return "redirect:/?activated";
	}

	private static String linkInvalid(HttpServletRequest request, @Nullable HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(LinkToken.ACTIVATION);
		}
		if (response != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		request.setAttribute("link", "activation");
		return "recovery/link-invalid";
	}

}
