package io.carefin.portal.purchase;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.carefin.portal.account.LookupForm;
import io.carefin.portal.api.AccountsApi;
import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.Amounts;
import io.carefin.portal.workspace.Money;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.Refusals;

/**
 * A new purchase: find the patient's account, enter the amount, compare the practice's
 * plans with the API's quotes (live with htmx, or with a button without JavaScript),
 * confirm the patient accepted the plan's disclosure (whose version goes to the API with
 * the purchase, which keeps it), and charge once: the form carries an
 * {@code Idempotency-Key} made when it was shown, so sending it twice replays the first
 * charge.
 */
@Controller
class PurchaseController {

	private static final Logger logger = LoggerFactory.getLogger(PurchaseController.class);

	static final int IN_FLIGHT_RETRIES = 20;

	static final long IN_FLIGHT_WAIT_MILLIS = 250;

	private final TransactionsApi transactions;

	private final AccountsApi accounts;

	private final Money money;

	PurchaseController(TransactionsApi transactions, AccountsApi accounts, Money money) {
		this.transactions = transactions;
		this.accounts = accounts;
		this.money = money;
	}

	@GetMapping(path = "/purchases/new", params = "!account")
	String find(@AuthenticationPrincipal SignedInUser user, Model model) {
		Permission.PROCESS_PURCHASES.require(user);
		model.addAttribute("lookup", LookupForm.empty());
		return "purchase/find";
	}

	@PostMapping("/purchases/new/find")
	String found(@AuthenticationPrincipal SignedInUser user, LookupForm lookup, HttpServletResponse response,
			Model model) {
		Permission.PROCESS_PURCHASES.require(user);
		FormErrors errors = lookup.check();
		model.addAttribute("lookup", lookup.shownAgain());
		if (errors.any()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "purchase/find";
		}
		model.addAttribute("matches", lookup.find(this.accounts));
		return "purchase/find";
	}

	@GetMapping(path = "/purchases/new", params = "account")
	String form(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID account,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String plan, Model model) {
		Permission.PROCESS_PURCHASES.require(user);
		PurchaseForm form = new PurchaseForm(account, amount, plan, null, UUID.randomUUID().toString());
		FormErrors errors = FormErrors.none();
		if (amount != null && !amount.isBlank() && positive(form.parsedAmount()) == null) {
			errors = errors.and("amount", "Enter the amount in dollars and cents, like 1250.00.");
		}
		return page(form, errors, model);
	}

	/**
	 * The plans with their quotes for the amount typed so far: what htmx swaps into the
	 * form as the amount changes.
	 */
	@GetMapping("/purchases/new/plans")
	String plans(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID account,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String plan, Model model) {
		Permission.PROCESS_PURCHASES.require(user);
		BigDecimal parsed = positive(Amounts.parse(amount));
		model.addAttribute("form", new PurchaseForm(account, amount, plan, null, null));
		model.addAttribute("options", options(parsed));
		model.addAttribute("parsedAmount", parsed);
		return "purchase/new :: plans";
	}

	@PostMapping("/purchases")
	String purchase(@AuthenticationPrincipal SignedInUser user, PurchaseForm form, HttpServletResponse response,
			Model model) {
		Permission.PROCESS_PURCHASES.require(user);
		if (form.account() == null) {
			return "redirect:/purchases/new";
		}
		AccountsApi.Summary account = account(form.account());
		BigDecimal amount = positive(form.parsedAmount());
		List<TransactionsApi.Plan> plans = this.transactions.plans();
		TransactionsApi.Plan plan = plans.stream()
			.filter((candidate) -> candidate.code().equals(form.plan()))
			.findFirst()
			.orElse(null);
		FormErrors errors = FormErrors.none();
		if (amount == null) {
			errors = errors.and("amount", "Enter the amount in dollars and cents, like 1250.00.");
		}
		else if (amount.compareTo(account.availableCredit()) > 0) {
			errors = errors.and("amount", "The amount is more than the account's available credit of "
					+ this.money.of(account.availableCredit()) + ".");
		}
		if (plan == null) {
			errors = errors.and("plans", "Choose a plan.");
		}
		else if (amount != null && amount.compareTo(plan.minimumAmount()) < 0) {
			errors = errors.and("plans", "The plan " + plan.name() + " needs a purchase of "
					+ this.money.of(plan.minimumAmount()) + " or more: choose another plan or change the amount.");
		}
		if (!form.accepted()) {
			errors = errors.and("disclosureAccepted",
					"Confirm that the patient has read and accepted the plan's disclosure.");
		}
		String key = form.key();
		if (key == null) {
			errors = errors.and("amount", "This form has expired: check the details and send it again.");
		}
		PurchaseForm kept = new PurchaseForm(form.account(), form.amount(), form.plan(), form.disclosureAccepted(),
				(key != null) ? key : UUID.randomUUID().toString());
		if (errors.any()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(kept, errors, model);
		}
		TransactionsApi.Purchase purchase;
		try {
			purchase = charge(key, new TransactionsApi.PurchaseRequest(account.accountId(), amount, plan.code(),
					Disclosure.of(plan).version()));
		}
		catch (ApiProblemException ex) {
			if (!Refusals.isAboutTheForm(ex)) {
				throw ex;
			}
			String sentence = ex.is("idempotency-key-reused")
					? "This form was already sent with other details, so nothing more was charged. Check the details and send it again."
					: Refusals.sentence(ex, "CareFin could not make this purchase: check the details.");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(
					new PurchaseForm(form.account(), form.amount(), form.plan(), null, UUID.randomUUID().toString()),
					FormErrors.none().and("amount", sentence), model);
		}
		logger.info("Purchase {} on the plan {}: {}", purchase.purchaseId(), plan.code(), purchase.status());
		return "redirect:/purchases/" + purchase.purchaseId() + "?new";
	}

	/**
	 * Charges with the form's key; while the same key's first charge is still running
	 * (the API answers 409), waits for it and then gets its answer replayed.
	 */
	private TransactionsApi.Purchase charge(String key, TransactionsApi.PurchaseRequest request) {
		for (int attempt = 0;; attempt++) {
			try {
				return this.transactions.purchase(key, request);
			}
			catch (ApiProblemException ex) {
				if (!ex.is("idempotency-key-in-flight") || attempt == IN_FLIGHT_RETRIES) {
					throw ex;
				}
				try {
					Thread.sleep(IN_FLIGHT_WAIT_MILLIS);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private String page(PurchaseForm form, FormErrors errors, Model model) {
		AccountsApi.Summary account = account(form.account());
		BigDecimal amount = errors.has("amount") ? null : positive(form.parsedAmount());
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("parsedAmount", amount);
		model.addAttribute("options", options(amount));
		return "purchase/new";
	}

	private List<PlanOption> options(@Nullable BigDecimal amount) {
		List<TransactionsApi.Plan> plans = this.transactions.plans();
		TransactionsApi.Quotes quotes = (amount != null)
				? this.transactions.quotes(new TransactionsApi.QuotesRequest(amount)) : null;
		return PlanOption.of(plans, quotes);
	}

	private AccountsApi.Summary account(@Nullable UUID id) {
		if (id == null) {
			throw new io.carefin.portal.workspace.NotFoundException("account");
		}
		try {
			return this.accounts.account(id);
		}
		catch (ApiProblemException ex) {
			throw Refusals.notFoundOr(ex, "account");
		}
	}

	private static @Nullable BigDecimal positive(@Nullable BigDecimal amount) {
		return (amount != null && amount.signum() > 0) ? amount : null;
	}

}
