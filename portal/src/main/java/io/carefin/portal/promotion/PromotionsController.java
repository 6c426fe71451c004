package io.carefin.portal.promotion;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.session.SignedInUser;
import io.carefin.portal.workspace.MissingPermissionException;
import io.carefin.portal.workspace.Permission;
import io.carefin.portal.workspace.Refusals;

/**
 * The promotions page: every plan of the catalogue with the fee it costs the practice,
 * and enabling or disabling it.
 */
@Controller
class PromotionsController {

	private final TransactionsApi transactions;

	PromotionsController(TransactionsApi transactions) {
		this.transactions = transactions;
	}

	@GetMapping("/promotions")
	String promotions(@AuthenticationPrincipal SignedInUser user, Model model) {
		requireAdmin(user);
		model.addAttribute("plans", this.transactions.catalogue());
		return "promotion/promotions";
	}

	@PostMapping("/promotions/{code}/enable")
	String enable(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, RedirectAttributes redirect) {
		requireAdmin(user);
		try {
			this.transactions.enable(code);
			redirect.addFlashAttribute("outcome", "Your practice now offers " + code + ".");
		}
		catch (ApiProblemException ex) {
			if (!Refusals.isAboutTheForm(ex) && ex.status() != 404) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", Refusals.sentence(ex, "That plan can't be enabled now."));
		}
		return "redirect:/promotions";
	}

	@PostMapping("/promotions/{code}/disable")
	String disable(@AuthenticationPrincipal SignedInUser user, @PathVariable String code, RedirectAttributes redirect) {
		requireAdmin(user);
		this.transactions.disable(code);
		redirect.addFlashAttribute("outcome",
				"Your practice no longer offers " + code + ". Purchases already made on it keep their terms.");
		return "redirect:/promotions";
	}

	private static void requireAdmin(SignedInUser user) {
		Permission.MANAGE_PROMOTIONS.require(user);
		if (!user.roles().contains("PRACTICE_ADMIN")) {
			throw new MissingPermissionException(Permission.MANAGE_PROMOTIONS);
		}
	}

}
