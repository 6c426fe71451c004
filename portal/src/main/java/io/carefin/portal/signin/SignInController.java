package io.carefin.portal.signin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.AuthApi;
import io.carefin.portal.api.SecondFactorRequired;
import io.carefin.portal.api.Tokens;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SessionProperties;
import io.carefin.portal.session.SignedInUser;

/**
 * The sign-in page: the User ID and password, then on to the second factor or the
 * dashboard.
 */
@Controller
class SignInController {

	/**
	 * The flash attribute that says the last attempt failed.
	 */
	static final String FAILED = "failed";

	private final AuthApi auth;

	private final SignIns signIns;

	private final SessionProperties sessions;

	SignInController(AuthApi auth, SignIns signIns, SessionProperties sessions) {
		this.auth = auth;
		this.signIns = signIns;
		this.sessions = sessions;
	}

	@GetMapping("/")
	String signInPage(@AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request, Model model) {
		if (user != null) {
			return "redirect:/dashboard";
		}
		model.addAttribute("notice", notice(request));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SignInForm.empty());
		}
		return "signin/sign-in";
	}

	@GetMapping("/sign-in")
	String signInPath() {
		return "redirect:/";
	}

	@PostMapping("/sign-in")
	String signIn(SignInForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = form.check();
		if (errors.any()) {
			model.addAttribute("form", form.withoutPassword());
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "signin/sign-in";
		}
		PendingChallenge.removeFrom(request.getSession(false));
		try {
			return switch (this.auth.login(new AuthApi.Credentials(form.userId().strip(), form.password()))) {
				case Tokens tokens -> {
					this.signIns.complete(request, response, tokens);
					yield "redirect:/dashboard";
				}
				case SecondFactorRequired required -> {
					PendingChallenge.of(required).storeIn(request.getSession());
					yield "redirect:/mfa";
				}
			};
		}
		catch (ApiProblemException ex) {
			if (!isSignInRefusal(ex)) {
				throw ex;
			}
			redirect.addFlashAttribute(FAILED, true);
			redirect.addFlashAttribute("form", form.withoutPassword());
			return "redirect:/";
		}
	}

	/**
	 * Whether the API refused the sign-in itself (401, or 400 for input it will not even
	 * check), rather than being out of budget (429) or out of order.
	 */
	static boolean isSignInRefusal(ApiProblemException ex) {
		return ex.status() == 401 || ex.status() == 400;
	}

	private @Nullable String notice(HttpServletRequest request) {
		Map<String, String> notices = new LinkedHashMap<>();
		notices.put("signed-out", "You have signed out.");
		notices.put("timed-out", "Your session ended after " + this.sessions.idleTimeoutInWords()
				+ " without activity. Please sign in again.");
		notices.put("ended", "For your security, sessions end " + this.sessions.absoluteTimeoutInWords()
				+ " after signing in. Please sign in again.");
		notices.put("expired", "Your session has ended. Please sign in again.");
		notices.put("activated", "Your account is ready. Sign in with your User ID and new password.");
		return notices.entrySet()
			.stream()
			.filter((notice) -> request.getParameterMap().containsKey(notice.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
