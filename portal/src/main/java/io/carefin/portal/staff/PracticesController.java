package io.carefin.portal.staff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * Operations' practices: find, enrol (the first administrator gets an activation link by
 * e-mail), edit, choose the plans offered, close; each change with a reason.
 */
@Controller
class PracticesController {

	/**
	 * The catalogue's plans, offered at enrolment.
	 */
	static final Map<String, String> PLANS = plans();

	private final OpsApi ops;

	private final StaffActions actions;

	private final JsonMapper json;

	PracticesController(OpsApi ops, StaffActions actions, JsonMapper json) {
		this.ops = ops;
		this.actions = actions;
		this.json = json;
	}

	@GetMapping("/staff/practices")
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		JsonNode answer = this.ops.practices(q.strip());
		JsonNode items = answer.isArray() ? answer : answer.path("items");
		List<OpsApi.Practice> practices = StreamSupport.stream(items.spliterator(), false)
			.map((node) -> this.json.treeToValue(node, OpsApi.Practice.class))
			.toList();
		model.addAttribute("q", q);
		model.addAttribute("practices", practices);
		return "staff/practices";
	}

	@GetMapping("/staff/practices/new")
	String enrolment(Model model) {
		model.addAttribute("form", PracticeForm.empty());
		return enrolmentPage(model);
	}

	@PostMapping("/staff/practices")
	String enrol(PracticeForm form, Authentication authentication, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = form.errors(true);
		List<String> codes = form.chosenPromotions().stream().filter(PLANS::containsKey).toList();
		if (errors.any()) {
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return enrolmentPage(model);
		}
		StaffUser staff = StaffUser.required(authentication);
		String reason = form.reason().strip();
		OpsApi.Practice practice;
		try {
			practice = this.actions.audited(staff, "ENROL_PRACTICE", form.practiceCode().strip(), reason,
					() -> this.ops.enrol(form.enrolment()));
		}
		catch (ApiProblemException ex) {
			if (ex.status() == HttpStatus.UNAUTHORIZED.value()) {
				throw ex;
			}
			model.addAttribute("form", form);
			model.addAttribute("problem", Refusal.sentence(ex));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return enrolmentPage(model);
		}
		String outcome = practice.name() + " is enrolled; its administrator's activation link is on its way.";
		if (!codes.isEmpty()) {
			try {
				this.actions.audited(staff, "CHOOSE_PROMOTIONS", practice.id() + " " + String.join(",", codes), reason,
						() -> this.ops.choosePromotions(practice.id(), new OpsApi.PromotionCodes(codes)));
			}
			catch (ApiProblemException ex) {
				if (ex.status() == HttpStatus.UNAUTHORIZED.value()) {
					throw ex;
				}
				redirect.addFlashAttribute("problem", "The practice is enrolled, but its plans were not saved: "
						+ Refusal.sentence(ex) + " Choose them below.");
				outcome = null;
			}
		}
		if (outcome != null) {
			redirect.addFlashAttribute("outcome", outcome);
		}
		return "redirect:/staff/practices/" + practice.id();
	}

	@GetMapping("/staff/practices/{id}")
	String practice(@PathVariable UUID id, Model model) {
		OpsApi.Practice practice = this.ops.practice(id);
		model.addAttribute("practice", practice);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PracticeForm.of(practice));
		}
		model.addAttribute("timeZones", PracticeForm.TIME_ZONES);
		model.addAttribute("promotions", this.ops.promotions(id));
		return "staff/practice";
	}

	@PostMapping("/staff/practices/{id}")
	String change(@PathVariable UUID id, PracticeForm form, Authentication authentication, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		FormErrors errors = form.errors(false);
		if (errors.any()) {
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return practice(id, model);
		}
		return done(id, redirect, "The practice's details are saved.",
				() -> this.actions.audited(StaffUser.required(authentication), "CHANGE_PRACTICE", id.toString(),
						form.reason().strip(), () -> this.ops.change(id, form.change())));
	}

	@PostMapping("/staff/practices/{id}/promotions")
	String choosePromotions(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> codes,
			@RequestParam(name = "promotionsReason", required = false) @Nullable String reason,
			Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (reason == null || reason.isBlank()) {
			return refusedOnPage(id, "promotionsReason", response, model);
		}
		List<String> chosen = (codes != null) ? codes : List.of();
		return done(id, redirect, "The practice's plans are saved.",
				() -> this.actions.audited(StaffUser.required(authentication), "CHOOSE_PROMOTIONS",
						id + " " + String.join(",", chosen), reason.strip(),
						() -> this.ops.choosePromotions(id, new OpsApi.PromotionCodes(chosen))));
	}

	@PostMapping("/staff/practices/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(name = "closeReason", required = false) @Nullable String reason,
			Authentication authentication, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (reason == null || reason.isBlank()) {
			return refusedOnPage(id, "closeReason", response, model);
		}
		return done(id, redirect,
				"The practice is closed: its users are signed out and it takes no new purchases; its history stays.",
				() -> this.actions.audited(StaffUser.required(authentication), "CLOSE_PRACTICE", id.toString(),
						reason.strip(), () -> this.ops.close(id, new SupportApi.Reason(reason.strip()))));
	}

	private String refusedOnPage(UUID id, String field, HttpServletResponse response, Model model) {
		model.addAttribute("errors",
				FormErrors.none().and(field, "Give the reason for this change; it goes in the audit trail."));
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return practice(id, model);
	}

	private String done(UUID id, RedirectAttributes redirect, String outcome, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("outcome", outcome);
		}
		catch (ApiProblemException ex) {
			if (ex.status() == HttpStatus.UNAUTHORIZED.value() || ex.status() == HttpStatus.NOT_FOUND.value()) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", Refusal.sentence(ex));
		}
		return "redirect:/staff/practices/" + id;
	}

	private String enrolmentPage(Model model) {
		model.addAttribute("timeZones", PracticeForm.TIME_ZONES);
		model.addAttribute("plans", PLANS);
		return "staff/enrol";
	}

	private static Map<String, String> plans() {
		Map<String, String> plans = new LinkedHashMap<>();
		plans.put("DEFERRED_6", "No interest if paid in full in 6 months");
		plans.put("DEFERRED_12", "No interest if paid in full in 12 months");
		plans.put("DEFERRED_18", "No interest if paid in full in 18 months");
		plans.put("DEFERRED_24", "No interest if paid in full in 24 months");
		plans.put("FIXED_24", "14.90 % APR, 24 fixed monthly payments");
		plans.put("FIXED_36", "15.90 % APR, 36 fixed monthly payments");
		plans.put("FIXED_48", "16.90 % APR, 48 fixed monthly payments");
		plans.put("FIXED_60", "17.90 % APR, 60 fixed monthly payments");
		return Collections.unmodifiableMap(plans);
	}

}
