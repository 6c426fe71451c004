package io.carefin.portal.staff;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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

import io.carefin.portal.api.AccountsApi;
import io.carefin.portal.config.FormErrors;

/**
 * Support's patient accounts: found by last name and date of birth or by account number,
 * and opened, only after the agent states why; account-service audits each read, and so
 * does the console. Forms post, so neither the reason nor a date of birth or account
 * number ever sits in an address.
 */
@Controller
class AccountsController {

	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{16}");

	private final SupportApi support;

	private final StaffActions actions;

	AccountsController(SupportApi support, StaffActions actions) {
		this.support = support;
		this.actions = actions;
	}

	@GetMapping("/staff/accounts")
	String lookup() {
		return "staff/accounts";
	}

	@PostMapping("/staff/accounts")
	String find(@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String lastName,
			@RequestParam(required = false) @Nullable String dateOfBirth,
			@RequestParam(required = false) @Nullable String accountNumber, Authentication authentication,
			HttpServletResponse response, Model model) {
		FormErrors errors = FormErrors.none();
		if (blank(reason)) {
			errors = errors.and("reason", "Say why you need to see this patient's account.");
		}
		String digits = (accountNumber != null) ? accountNumber.replaceAll("[\\s-]", "") : "";
		boolean byNumber = !digits.isEmpty();
		LocalDate born = null;
		if (byNumber && !ACCOUNT_NUMBER.matcher(digits).matches()) {
			errors = errors.and("accountNumber", "An account number has 16 digits.");
		}
		if (!byNumber) {
			if (blank(lastName)) {
				errors = errors.and("lastName", "Enter the patient's last name, or the account number.");
			}
			try {
				born = blank(dateOfBirth) ? null : LocalDate.parse(dateOfBirth.strip());
			}
			catch (DateTimeParseException ex) {
				born = null;
			}
			if (born == null) {
				errors = errors.and("dateOfBirth", "Enter the patient's date of birth, like 1984-03-09.");
			}
		}
		model.addAttribute("reason", (reason != null) ? reason : "");
		model.addAttribute("lastName", (lastName != null) ? lastName : "");
		if (errors.any()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "staff/accounts";
		}
		StaffUser staff = StaffUser.required(authentication);
		String why = reason.strip();
		List<AccountsApi.Match> matches;
		if (byNumber) {
			matches = this.actions.audited(staff, "LOOKUP_ACCOUNT", "account number ending in " + digits.substring(12),
					why, () -> this.support.accountsByNumber(why, digits));
		}
		else {
			String name = lastName.strip();
			String birthDate = born.toString();
			matches = this.actions.audited(staff, "LOOKUP_ACCOUNT", "last name and date of birth", why,
					() -> this.support.accountsByName(why, name, birthDate));
		}
		model.addAttribute("matches", matches);
		return "staff/accounts";
	}

	@PostMapping("/staff/accounts/{accountId}")
	String open(@PathVariable UUID accountId, @RequestParam(required = false) @Nullable String reason,
			Authentication authentication, HttpServletResponse response, Model model) {
		if (blank(reason)) {
			model.addAttribute("errors",
					FormErrors.none().and("reason", "Say why you need to see this patient's account."));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "staff/accounts";
		}
		String why = reason.strip();
		StaffUser staff = StaffUser.required(authentication);
		AccountsApi.Summary account = this.actions.audited(staff, "VIEW_ACCOUNT", accountId.toString(), why,
				() -> this.support.account(why, accountId));
		model.addAttribute("account", account);
		model.addAttribute("activity", this.support.activity(why, accountId));
		model.addAttribute("reason", why);
		return "staff/account";
	}

	@GetMapping("/staff/accounts/{accountId}")
	String openWithoutReason() {
		return "redirect:/staff/accounts";
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
