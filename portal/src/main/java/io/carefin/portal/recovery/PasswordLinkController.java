package io.carefin.portal.recovery;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.AuthApi;
import io.carefin.portal.config.FormErrors;

/**
 * The pages behind the two e-mailed links that end in a new password: a reset link, for a
 * user who forgot theirs, and an invitation, where an invited user chooses their first (a
 * practice that requires a second factor then e-mails them a code at sign-in, so there is
 * nothing more to set up). The link's token moves from the address bar into the session
 * at once, and works once, as the API's does.
 */
@Controller
class PasswordLinkController {

	private final AuthApi auth;

	PasswordLinkController(AuthApi auth) {
		this.auth = auth;
	}

	@GetMapping(path = "/reset-password", params = "token")
	String resetLink(@RequestParam String token, HttpServletRequest request) {
		return keep(Link.RESET, token, request);
	}

	@GetMapping("/reset-password")
	String resetPage(HttpServletRequest request) {
		return page(Link.RESET, request);
	}

	@PostMapping("/reset-password")
	String reset(NewPasswordForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return submit(Link.RESET, form, request, response, model,
				(token) -> this.auth.resetPassword(new AuthApi.PasswordReset(token, form.newPassword())), () -> {
					redirect.addFlashAttribute("done", true);
					return "redirect:/reset-password/done";
				});
	}

	@GetMapping("/reset-password/done")
	String resetDone(Model model) {
		return model.containsAttribute("done") ? "recovery/reset-password-done" : "redirect:/";
	}

	@GetMapping(path = "/activate", params = "token")
	String invitationLink(@RequestParam String token, HttpServletRequest request) {
		return keep(Link.INVITATION, token, request);
	}

	@GetMapping("/activate")
	String invitationPage(HttpServletRequest request) {
		return page(Link.INVITATION, request);
	}

	@PostMapping("/activate")
	String activate(NewPasswordForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
		return submit(Link.INVITATION, form, request, response, model,
				(token) -> this.auth.activate(new AuthApi.Activation(token, form.newPassword())),
				() -> "redirect:/?activated");
	}

	/**
	 * The link itself: the token moves into the session, out of the address bar.
	 */
	private static String keep(Link link, String token, HttpServletRequest request) {
		request.getSession().setAttribute(link.attribute, new LinkToken(token));
		return "redirect:" + link.path;
	}

	private static String page(Link link, HttpServletRequest request) {
		return (LinkToken.in(request.getSession(false), link.attribute) != null) ? link.view
				: linkInvalid(link, request, null);
	}

	/**
	 * Checks the form, asks auth-service to use the link's token with the new password,
	 * and forgets the token once it has worked; the password policy's refusals show
	 * beside the field, and a token auth-service no longer takes shows the page that says
	 * so.
	 */
	private static String submit(Link link, NewPasswordForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, Consumer<String> use, Supplier<String> done) {
		HttpSession session = request.getSession(false);
		LinkToken token = LinkToken.in(session, link.attribute);
		if (session == null || token == null) {
			return linkInvalid(link, request, response);
		}
		FormErrors errors = form.check();
		if (errors.any()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return link.view;
		}
		try {
			use.accept(token.value());
		}
		catch (ApiProblemException ex) {
			if (PasswordRefusals.isRefusal(ex)) {
				model.addAttribute("errors", PasswordRefusals.of(ex, "newPassword"));
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return link.view;
			}
			if (ex.status() == HttpStatus.BAD_REQUEST.value()) {
				return linkInvalid(link, request, response);
			}
			throw ex;
		}
		session.removeAttribute(link.attribute);
		return done.get();
	}

	private static String linkInvalid(Link link, HttpServletRequest request, @Nullable HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(link.attribute);
		}
		if (response != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		request.setAttribute("link", link.kind);
		return "recovery/link-invalid";
	}

	/**
	 * The two links: where each lands, its page, and what the page that refuses it says.
	 */
	enum Link {

		RESET("/reset-password", "recovery/reset-password", "reset"),

		INVITATION("/activate", "recovery/activate", "activation");

		final String path;

		final String view;

		final String kind;

		final String attribute = LinkToken.class.getName() + "." + name();

		Link(String path, String view, String kind) {
			this.path = path;
			this.view = view;
			this.kind = kind;
		}

	}

}
