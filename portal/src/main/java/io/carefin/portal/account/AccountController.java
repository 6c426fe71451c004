package io.carefin.portal.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.AccountsApi;
import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.Amounts;
import io.carefin.portal.workspace.Money;
import io.carefin.portal.workspace.NotFoundException;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.Refusals;

/**
 * Patients' accounts: the lookup, and an account's balances, promotions (with each
 * fixed-payment plan's schedule), activity and payments. Another practice's account is
 * "not found", as an unknown one.
 */
@Controller
class AccountController {

	private final AccountsApi accounts;

	private final Money money;

	AccountController(AccountsApi accounts, Money money) {
		this.accounts = accounts;
		this.money = money;
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
		model.addAttribute("paymentKey", UUID.randomUUID().toString());
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

	/**
	 * A fixed-payment promotion's schedule: each payment's due date, amount, interest,
	 * principal and what is left after it. A deferred promotion has none, and another
	 * practice's purchase is not found.
	 */
	@GetMapping("/accounts/{id}/promotions/{purchaseId}")
	String schedule(@PathVariable UUID id, @PathVariable UUID purchaseId, Model model) {
		AccountsApi.Summary account;
		AccountsApi.Schedule schedule;
		try {
			account = this.accounts.account(id);
		}
		catch (ApiProblemException ex) {
			throw Refusals.notFoundOr(ex, "account");
		}
		AccountsApi.Promotion promotion = account.promotions()
			.stream()
			.filter((candidate) -> candidate.purchaseId().equals(purchaseId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("promotion"));
		model.addAttribute("account", account);
		model.addAttribute("promotion", promotion);
		if (promotion.deferred()) {
			return "account/schedule";
		}
		try {
			schedule = this.accounts.schedule(id, purchaseId);
		}
		catch (ApiProblemException ex) {
			throw Refusals.notFoundOr(ex, "promotion");
		}
		model.addAttribute("schedule", schedule);
		model.addAttribute("payments",
				schedule.installments()
					.stream()
					.map((installment) -> new ScheduledPayment(installment,
							promotion.purchaseDate().plusMonths(installment.number())))
					.toList());
		return "account/schedule";
	}

	/**
	 * Posts a payment the patient made at the front desk, once per form (its key), for a
	 * user with the payment permission.
	 */
	@PostMapping("/accounts/{id}/payments")
	String pay(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String idempotencyKey, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Permission.POST_PAYMENTS.require(user);
		BigDecimal paid = Amounts.parse(amount);
		FormErrors errors = FormErrors.none();
		if (paid == null || paid.signum() <= 0) {
			errors = errors.and("paymentAmount", "Enter the payment in dollars and cents, like 150.00.");
		}
		String key = key(idempotencyKey);
		if (key == null) {
			errors = errors.and("paymentAmount", "This form has expired: enter the payment again.");
		}
		if (!errors.any()) {
			try {
				this.accounts.pay(id, key, new AccountsApi.PaymentRequest(paid));
				redirect.addFlashAttribute("outcome", "A payment of " + this.money.of(paid) + " is posted.");
				return "redirect:/accounts/" + id;
			}
			catch (ApiProblemException ex) {
				if (ex.status() == 404) {
					throw Refusals.notFoundOr(ex, "account");
				}
				if (!Refusals.isAboutTheForm(ex)) {
					throw ex;
				}
				errors = errors.and("paymentAmount", Refusals.sentence(ex, "CareFin could not post this payment."));
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("paymentAmount", amount);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return account(id, model);
	}

	/**
	 * One payment of a schedule and the day it is due: a month after the purchase for the
	 * first, and each month after.
	 *
	 * @param installment the payment
	 * @param due its due date
	 */
	record ScheduledPayment(AccountsApi.Installment installment, LocalDate due) {

	}

	private static @Nullable String key(@Nullable String key) {
		if (key == null) {
			return null;
		}
		try {
			return UUID.fromString(key).toString();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
