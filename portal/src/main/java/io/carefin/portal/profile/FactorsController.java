package io.carefin.portal.profile;

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
import io.carefin.portal.api.Method;
import io.carefin.portal.api.MyAccountApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.signin.CodeForm;
import io.carefin.portal.workspace.QrCode;

/**
 * Setting up a second factor: an authenticator app (its QR code and key, then a code from
 * it), or a phone number or the e-mail address for codes (a code goes there, then comes
 * back).
 */
@Controller
class FactorsController {

	private final MyAccountApi account;

	FactorsController(MyAccountApi account) {
		this.account = account;
	}

	@PostMapping("/profile/authenticator")
	String startApp(HttpServletRequest request) {
		MyAccountApi.AuthenticatorEnrolment enrolment = this.account.startAuthenticatorApp();
		request.getSession()
			.setAttribute(PendingFactor.App.ATTRIBUTE,
					new PendingFactor.App(enrolment.secret(), enrolment.otpauthUri()));
		return "redirect:/profile/authenticator";
	}

	@GetMapping("/profile/authenticator")
	String appPage(HttpServletRequest request, Model model) {
		PendingFactor.App app = PendingFactor.App.in(request.getSession(false));
		if (app == null) {
			return "redirect:/profile";
		}
		return appPage(app, model);
	}

	@PostMapping("/profile/authenticator/confirm")
	String confirmApp(CodeForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		PendingFactor.App app = PendingFactor.App.in(session);
		if (session == null || app == null) {
			return "redirect:/profile";
		}
		FormErrors errors = form.check();
		if (!errors.any()) {
			try {
				this.account.confirmAuthenticatorApp(new MyAccountApi.Code(form.digits()));
				session.removeAttribute(PendingFactor.App.ATTRIBUTE);
				redirect.addFlashAttribute(ProfileController.OUTCOME,
						"Your authenticator app is set up. CareFin will ask for its code when you sign in.");
				return "redirect:/profile";
			}
			catch (ApiProblemException ex) {
				errors = codeRefused(ex);
			}
		}
		model.addAttribute("errors", errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return appPage(app, model);
	}

	@PostMapping("/profile/phone")
	String startTextMessages(@RequestParam(required = false) @Nullable String phone, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		FormErrors errors = FormErrors.none();
		if (phone == null || phone.isBlank()) {
			errors = errors.and("phone", "Enter a mobile phone number.");
		}
		else {
			try {
				MyAccountApi.CodeSent sent = this.account.startTextMessages(new MyAccountApi.Phone(phone.strip()));
				return awaitCode(request, Method.SMS, sent, phone.strip());
			}
			catch (ApiProblemException ex) {
				if (ex.status() != 400 && ex.status() != 422) {
					throw ex;
				}
				errors = errors.and("phone",
						ex.errors().isEmpty()
								? ProfileController.sentence(ex, "Enter a mobile phone number, like 555-201-0123.")
								: ex.errors().getFirst());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("phone", (phone != null) ? phone : "");
		model.addAttribute("profile", ProfileView.of(this.account.me()));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "profile/profile";
	}

	@PostMapping("/profile/email")
	String startEmails(HttpServletRequest request) {
		return awaitCode(request, Method.EMAIL, this.account.startEmails(), null);
	}

	@GetMapping("/profile/confirm-code")
	String codePage(HttpServletRequest request, Model model) {
		PendingFactor.Codes codes = PendingFactor.Codes.in(request.getSession(false));
		if (codes == null) {
			return "redirect:/profile";
		}
		model.addAttribute("pending", codes);
		return "profile/confirm-code";
	}

	@PostMapping("/profile/confirm-code")
	String confirmCode(CodeForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		PendingFactor.Codes codes = PendingFactor.Codes.in(session);
		if (session == null || codes == null) {
			return "redirect:/profile";
		}
		FormErrors errors = form.check();
		if (!errors.any()) {
			try {
				this.account.confirmCodes(codes.method().path(),
						new MyAccountApi.CodeConfirmation(codes.challengeId(), form.digits()));
				session.removeAttribute(PendingFactor.Codes.ATTRIBUTE);
				redirect.addFlashAttribute(ProfileController.OUTCOME,
						((codes.method() == Method.SMS) ? "Text-message codes to " : "E-mail codes to ")
								+ codes.destination() + " are set up.");
				return "redirect:/profile";
			}
			catch (ApiProblemException ex) {
				errors = codeRefused(ex);
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("pending", codes);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "profile/confirm-code";
	}

	@PostMapping("/profile/confirm-code/resend")
	String resendCode(HttpServletRequest request, RedirectAttributes redirect) {
		PendingFactor.Codes codes = PendingFactor.Codes.in(request.getSession(false));
		if (codes == null) {
			return "redirect:/profile";
		}
		MyAccountApi.CodeSent sent = (codes.method() == Method.SMS && codes.phone() != null)
				? this.account.startTextMessages(new MyAccountApi.Phone(codes.phone())) : this.account.startEmails();
		redirect.addFlashAttribute("sent", "We've sent a new code to " + codes.destination()
				+ ". Use the newest code; earlier ones no longer work.");
		return awaitCode(request, codes.method(), sent, codes.phone());
	}

	private String appPage(PendingFactor.App app, Model model) {
		model.addAttribute("qr", QrCode.of(app.otpauthUri()));
		model.addAttribute("secret", app.groupedSecret());
		return "profile/authenticator";
	}

	private static String awaitCode(HttpServletRequest request, Method method, MyAccountApi.CodeSent sent,
			@Nullable String phone) {
		String destination = sent.destinations()
			.getOrDefault(method, (method == Method.SMS) ? "your phone" : "your e-mail address");
		request.getSession()
			.setAttribute(PendingFactor.Codes.ATTRIBUTE,
					new PendingFactor.Codes(method, sent.challengeId(), destination, phone));
		return "redirect:/profile/confirm-code";
	}

	private static FormErrors codeRefused(ApiProblemException ex) {
		if (ex.status() != 400 && ex.status() != 422) {
			throw ex;
		}
		return FormErrors.none()
			.and("code", "That code doesn't match or has expired. Check it, or get a new one and try again.");
	}

}
