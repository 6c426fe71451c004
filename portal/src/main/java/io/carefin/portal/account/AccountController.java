package io.carefin.portal.account;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.carefin.portal.api.AccountsApi;
import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.workspace.Refusals;

/**
 * Patients' accounts: the lookup, and an account's balances, promotions, activity and
 * payments. Another practice's account is "not found", as an unknown one.
 */
@Controller
class AccountController {

	private final AccountsApi accounts;

	AccountController(AccountsApi accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/accounts")
	String lookup(Model model) {
		model.addAttribute("lookup", LookupForm.empty());
		return "account/lookup";
	}

	@PostMapping("/accounts")
	String found(LookupForm lookup, HttpServletResponse response, Model model) {
		FormErrors errors = lookup.check();
		model.addAttribute("lookup", lookup.shownAgain());
		if (errors.any()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/lookup";
		}
		model.addAttribute("matches", lookup.find(this.accounts));
		return "account/lookup";
	}

	@GetMapping("/accounts/{id}")
	String account(@PathVariable UUID id, Model model) {
		try {
			model.addAttribute("account", this.accounts.account(id));
			model.addAttribute("activity", this.accounts.activity(id));
			model.addAttribute("payments", this.accounts.payments(id));
		}
		catch (ApiProblemException ex) {
			throw Refusals.notFoundOr(ex, "account");
		}
		return "account/account";
	}

}
