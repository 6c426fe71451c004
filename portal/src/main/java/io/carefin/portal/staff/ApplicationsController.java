package io.carefin.portal.staff;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.config.FormErrors;

/**
 * Support's review of credit applications the rules could not decide: approve with a
 * credit line or decline, with a reason kept in the console's audit.
 */
@Controller
class ApplicationsController {

	private static final int LIMIT = 50;

	private final SupportApi support;

	private final StaffActions actions;

	ApplicationsController(SupportApi support, StaffActions actions) {
		this.support = support;
		this.actions = actions;
	}

	@GetMapping("/staff/applications")
	String pending(Model model) {
		model.addAttribute("applications", this.support.pendingApplications("PENDING_REVIEW", LIMIT));
		return "staff/applications";
	}

	@PostMapping("/staff/applications/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam Map<String, String> form, Authentication authentication,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String decision = form.getOrDefault("decision-" + id, "");
		String reason = form.getOrDefault("reason-" + id, "").strip();
		String limit = form.getOrDefault("creditLimit-" + id, "").strip().replace(",", "").replace("$", "");
		FormErrors errors = FormErrors.none();
		if (!List.of("APPROVED", "DECLINED").contains(decision)) {
			errors = errors.and("decision-" + id + "-approve", "Choose to approve or decline the application.");
		}
		BigDecimal creditLimit = null;
		if ("APPROVED".equals(decision) && !limit.isEmpty()) {
			try {
				creditLimit = new BigDecimal(limit).setScale(2);
			}
			catch (NumberFormatException | ArithmeticException ex) {
				errors = errors.and("creditLimit-" + id, "Enter the credit limit in dollars, like 2500.");
			}
		}
		if (reason.isEmpty()) {
			errors = errors.and("reason-" + id, "Give the reason for the decision; it goes in the audit trail.");
		}
		if (errors.any()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return pending(model);
		}
		SupportApi.Decision body = new SupportApi.Decision(decision, creditLimit, List.of());
		try {
			this.actions.audited(StaffUser.required(authentication),
					"APPROVED".equals(decision) ? "APPROVE_APPLICATION" : "DECLINE_APPLICATION", id.toString(), reason,
					() -> this.support.decide(id, body));
		}
		catch (ApiProblemException ex) {
			if (ex.status() == HttpStatus.UNAUTHORIZED.value()) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", Refusal.sentence(ex));
			return "redirect:/staff/applications";
		}
		redirect.addFlashAttribute("outcome",
				"APPROVED".equals(decision) ? "The application is approved." : "The application is declined.");
		return "redirect:/staff/applications";
	}

}
