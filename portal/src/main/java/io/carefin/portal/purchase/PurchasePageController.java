package io.carefin.portal.purchase;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.pdf.PdfPages;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.Amounts;
import io.carefin.portal.workspace.Money;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.Refusals;

/**
 * A purchase's page: its details and receipt, and refunds (partial, capped at what is
 * left) and voids (before settlement), each confirmed on a page of its own before the
 * money moves.
 */
@Controller
class PurchasePageController {

	private static final Logger logger = LoggerFactory.getLogger(PurchasePageController.class);

	static final String OUTCOME = "outcome";

	private final TransactionsApi transactions;

	private final Money money;

	private final PdfPages pdfs;

	PurchasePageController(TransactionsApi transactions, Money money, PdfPages pdfs) {
		this.transactions = transactions;
		this.money = money;
		this.pdfs = pdfs;
	}

	@GetMapping("/purchases/{id}")
	String purchase(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		return page(user, purchase(id), FormErrors.none(), null, model);
	}

	@GetMapping("/purchases/{id}/receipt")
	String receipt(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		TransactionsApi.Purchase purchase = purchase(id);
		model.addAttribute("purchase", purchase);
		model.addAttribute("practice", user.practiceName());
		model.addAttribute("quote", quote(purchase));
		return "purchase/receipt";
	}

	/**
	 * The receipt page's receipt as a PDF, with the page's data and its access rules.
	 */
	@GetMapping("/purchases/{id}/receipt.pdf")
	ResponseEntity<byte[]> receiptPdf(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String view = receipt(user, id, model);
		TransactionsApi.Purchase purchase = (TransactionsApi.Purchase) model.getAttribute("purchase");
		String name = "carefin-receipt-"
				+ ((purchase.authorizationCode() != null) ? purchase.authorizationCode() : id.toString()) + ".pdf";
		return this.pdfs.download(view, model.asMap(), "article.receipt", List.of("pdf.css"), name, request, response);
	}

	@GetMapping("/purchases/{id}/refund")
	String refundForm(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		Permission.PROCESS_REFUNDS.require(user);
		return page(user, purchase(id), FormErrors.none(), null, model);
	}

	@PostMapping("/purchases/{id}/refund")
	String confirmRefund(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String amount, HttpServletResponse response, Model model) {
		Permission.PROCESS_REFUNDS.require(user);
		TransactionsApi.Purchase purchase = purchase(id);
		BigDecimal refund = Amounts.parse(amount);
		FormErrors errors = refundErrors(purchase, refund);
		if (errors.any()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, purchase, errors, amount, model);
		}
		model.addAttribute("purchase", purchase);
		model.addAttribute("amount", refund);
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		return "purchase/confirm-refund";
	}

	@PostMapping("/purchases/{id}/refunds")
	String refund(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String idempotencyKey, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Permission.PROCESS_REFUNDS.require(user);
		TransactionsApi.Purchase purchase = purchase(id);
		BigDecimal refund = Amounts.parse(amount);
		FormErrors errors = refundErrors(purchase, refund);
		String key = key(idempotencyKey);
		if (!errors.any() && key != null) {
			try {
				TransactionsApi.Refund issued = this.transactions.refund(id, key,
						new TransactionsApi.RefundRequest(refund));
				logger.info("Refund {} of purchase {}", issued.refundId(), id);
				redirect.addFlashAttribute(OUTCOME, "Refunded " + this.money.of(issued.amount()) + ". "
						+ this.money.of(issued.remaining()) + " of the purchase is left.");
				return "redirect:/purchases/" + id;
			}
			catch (ApiProblemException ex) {
				if (!Refusals.isAboutTheForm(ex)) {
					throw ex;
				}
				errors = errors.and("amount", Refusals.sentence(ex, "CareFin could not issue this refund."));
			}
		}
		else if (key == null) {
			errors = errors.and("amount", "This form has expired: enter the refund again.");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(user, purchase(id), errors, amount, model);
	}

	@PostMapping("/purchases/{id}/void")
	String confirmVoid(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		requireVoid(user);
		model.addAttribute("purchase", purchase(id));
		return "purchase/confirm-void";
	}

	@PostMapping("/purchases/{id}/void/confirm")
	String voidPurchase(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		requireVoid(user);
		try {
			this.transactions.voidPurchase(id);
			logger.info("Voided purchase {}", id);
			redirect.addFlashAttribute(OUTCOME, "The purchase is voided: nothing is charged to the patient.");
			return "redirect:/purchases/" + id;
		}
		catch (ApiProblemException ex) {
			if (ex.status() == 404) {
				throw Refusals.notFoundOr(ex, "purchase");
			}
			if (!Refusals.isAboutTheForm(ex)) {
				throw ex;
			}
			model.addAttribute("problem", Refusals.sentence(ex, "CareFin could not void this purchase."));
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(user, purchase(id), FormErrors.none(), null, model);
		}
	}

	private static void requireVoid(SignedInUser user) {
		if (!Permission.PROCESS_PURCHASES.heldBy(user)) {
			Permission.PROCESS_REFUNDS.require(user);
		}
	}

	private FormErrors refundErrors(TransactionsApi.Purchase purchase, @Nullable BigDecimal refund) {
		FormErrors errors = FormErrors.none();
		if (refund == null || refund.signum() <= 0) {
			return errors.and("amount", "Enter the refund in dollars and cents, like 150.00.");
		}
		BigDecimal left = (purchase.remaining() != null) ? purchase.remaining() : BigDecimal.ZERO;
		if (refund.compareTo(left) > 0) {
			return errors.and("amount",
					"A refund can't be more than what is left of the purchase: " + this.money.of(left) + ".");
		}
		return errors;
	}

	private String page(SignedInUser user, TransactionsApi.Purchase purchase, FormErrors errors,
			@Nullable String refundAmount, Model model) {
		model.addAttribute("purchase", purchase);
		model.addAttribute("errors", errors);
		model.addAttribute("refundAmount", refundAmount);
		model.addAttribute("canRefund", Permission.PROCESS_REFUNDS.heldBy(user) && purchase.refundable());
		model.addAttribute("canVoid", "APPROVED".equals(purchase.status())
				&& (Permission.PROCESS_PURCHASES.heldBy(user) || Permission.PROCESS_REFUNDS.heldBy(user)));
		return "purchase/purchase";
	}

	private TransactionsApi.Purchase purchase(UUID id) {
		try {
			return this.transactions.purchase(id);
		}
		catch (ApiProblemException ex) {
			throw Refusals.notFoundOr(ex, "purchase");
		}
	}

	private TransactionsApi.@Nullable Quote quote(TransactionsApi.Purchase purchase) {
		try {
			return this.transactions
				.quote(new TransactionsApi.QuoteRequest(purchase.amount(), purchase.promotionCode()));
		}
		catch (ApiProblemException ex) {
			return null;
		}
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
