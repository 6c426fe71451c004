package io.carefin.portal.signin;

import java.util.List;
import java.util.Optional;

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
import io.carefin.portal.api.Method;
import io.carefin.portal.api.Tokens;
import io.carefin.portal.config.FormErrors;

/**
 * The second step of signing in: the code from a text message, an e-mail or an
 * authenticator app, with a way to have a new code sent, by another method if the user
 * has several.
 */
@Controller
class SecondFactorController {

	private final AuthApi auth;

	private final SignIns signIns;

	private final SignInProperties properties;

	SecondFactorController(AuthApi auth, SignIns signIns, SignInProperties properties) {
		this.auth = auth;
		this.signIns = signIns;
		this.properties = properties;
	}

	@GetMapping("/mfa")
	String codePage(HttpServletRequest request, Model model) {
		PendingChallenge challenge = PendingChallenge.in(request.getSession(false));
		if (challenge == null) {
			return "redirect:/";
		}
		model.addAttribute("page", page(challenge));
		return "signin/mfa";
	}

	@PostMapping("/mfa")
	String verify(CodeForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		PendingChallenge challenge = PendingChallenge.in(session);
		if (session == null || challenge == null) {
			return "redirect:/";
		}
		FormErrors errors = form.check();
		if (errors.any()) {
			model.addAttribute("page", page(challenge));
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "signin/mfa";
		}
		Tokens tokens;
		try {
			tokens = this.auth.verify(new AuthApi.ChallengeAnswer(challenge.challengeId(), form.digits()));
		}
		catch (ApiProblemException ex) {
			if (!SignInController.isSignInRefusal(ex)) {
				throw ex;
			}
			PendingChallenge after = challenge.withWrongCode();
			if (after.wrongCodes() >= this.properties.codeAttempts()) {
				PendingChallenge.removeFrom(session);
				redirect.addFlashAttribute(SignInController.FAILED, true);
				return "redirect:/";
			}
			after.storeIn(session);
			redirect.addFlashAttribute("codeRefused", true);
			return "redirect:/mfa";
		}
		this.signIns.complete(request, response, tokens);
		return "redirect:/dashboard";
	}

	@PostMapping("/mfa/resend")
	String resend(@RequestParam(name = "method", required = false) @Nullable String chosen, HttpServletRequest request,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		PendingChallenge challenge = PendingChallenge.in(session);
		if (session == null || challenge == null) {
			return "redirect:/";
		}
		Method method = method(chosen).filter(challenge.methods()::contains).orElse(challenge.current());
		if (method.sendsCodes()) {
			this.auth.resend(new AuthApi.Resend(challenge.challengeId(), method));
			redirect.addFlashAttribute("sent", sentence(method, challenge.destination(method)));
		}
		challenge.using(method).storeIn(session);
		return "redirect:/mfa";
	}

	private static Optional<Method> method(@Nullable String name) {
		try {
			return Optional.ofNullable(name).map(Method::valueOf);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static CodePage page(PendingChallenge challenge) {
		Method current = challenge.current();
		List<Choice> choices = challenge.methods()
			.stream()
			.map((method) -> new Choice(method.name(), label(method, challenge.destination(method)), method == current))
			.toList();
		return new CodePage(instruction(current, challenge.destination(current)), current.sendsCodes(), choices,
				current.name());
	}

	private static String instruction(Method method, @Nullable String destination) {
		return switch (method) {
			case TOTP -> "Open your authenticator app and enter the 6-digit code it shows for CareFin.";
			case SMS -> "We sent a 6-digit code by text message to "
					+ ((destination != null) ? destination : "your mobile phone") + ".";
			case EMAIL -> "We sent a 6-digit code by e-mail to "
					+ ((destination != null) ? destination : "your e-mail address") + ".";
		};
	}

	private static String label(Method method, @Nullable String destination) {
		return switch (method) {
			case TOTP -> "Authenticator app";
			case SMS -> "Text message" + ((destination != null) ? " to " + destination : "");
			case EMAIL -> "E-mail" + ((destination != null) ? " to " + destination : "");
		};
	}

	private static String sentence(Method method, @Nullable String destination) {
		String where = (method == Method.SMS) ? "by text message" : "by e-mail";
		return "We've sent a new code " + where + ((destination != null) ? " to " + destination : "")
				+ ". It can take a minute to arrive.";
	}

	/**
	 * The code page.
	 *
	 * @param instruction where the code comes from, as a sentence
	 * @param resendable whether a new code can be sent by the current method
	 * @param choices the ways the user can answer
	 * @param current the current way's name
	 */
	record CodePage(String instruction, boolean resendable, List<Choice> choices, String current) {

		/**
		 * Whether the user can choose another way.
		 */
		public boolean hasChoice() {
			return this.choices.size() > 1;
		}

	}

	/**
	 * A way to answer.
	 *
	 * @param method its name, as the form sends it
	 * @param label what the page calls it
	 * @param current whether it is the way currently asked for
	 */
	record Choice(String method, String label, boolean current) {

	}

}
