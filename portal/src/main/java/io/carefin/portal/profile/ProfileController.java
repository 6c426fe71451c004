package io.carefin.portal.profile;

import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.Method;
import io.carefin.portal.api.MyAccountApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.recovery.PasswordRefusals;

/**
 * The profile page, changing the password and removing a second factor.
 */
@Controller
class ProfileController {

	static final String OUTCOME = "outcome";

	static final String PROBLEM = "problem";

	private final MyAccountApi account;

	ProfileController(MyAccountApi account) {
		this.account = account;
	}

	@GetMapping("/profile")
	String profile(Model model) {
		return page(model);
	}

	@PostMapping("/profile/password")
	String changePassword(PasswordChangeForm form, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = form.check();
		if (!errors.any()) {
			try {
				this.account
					.changePassword(new MyAccountApi.PasswordChange(form.currentPassword(), form.newPassword()));
				redirect.addFlashAttribute(OUTCOME,
						"Your password is changed. Use the new one the next time you sign in.");
				return "redirect:/profile";
			}
			catch (ApiProblemException ex) {
				if (ex.status() != 400 && ex.status() != 422) {
					throw ex;
				}
				errors = refusal(ex);
			}
		}
		model.addAttribute("errors", errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model);
	}

	@PostMapping("/profile/factors/{method}/remove")
	String removeFactor(@PathVariable String method, RedirectAttributes redirect) {
		Optional<Method> factor = Optional.of(method)
			.flatMap((path) -> Arrays.stream(Method.values())
				.filter((candidate) -> candidate.path().equals(path))
				.findFirst());
		if (factor.isEmpty()) {
			return "redirect:/profile";
		}
		try {
			this.account.removeFactor(factor.get().path());
			redirect.addFlashAttribute(OUTCOME, switch (factor.get()) {
				case TOTP -> "Your authenticator app is removed. Its codes no longer work for CareFin.";
				case SMS -> "Text-message codes are turned off.";
				case EMAIL -> "E-mail codes are turned off.";
			});
		}
		catch (ApiProblemException ex) {
			if (ex.status() == 401 || ex.status() == 429) {
				throw ex;
			}
			redirect.addFlashAttribute(PROBLEM, sentence(ex, "That second step could not be removed."));
		}
		return "redirect:/profile";
	}

	private String page(Model model) {
		model.addAttribute("profile", ProfileView.of(this.account.me()));
		return "profile/profile";
	}

	// the policy's reasons are about the new password; anything else (such as a wrong
	// current password) about the current one
	private static FormErrors refusal(ApiProblemException ex) {
		if (ex.is("password-rejected") || !ex.errors().isEmpty()) {
			return PasswordRefusals.of(ex, "newPassword");
		}
		return FormErrors.none().and("currentPassword", sentence(ex, "Your current password is not correct."));
	}

	static String sentence(ApiProblemException ex, String otherwise) {
		String detail = ex.detail();
		return (detail != null && !detail.isBlank()) ? detail : otherwise;
	}

}
