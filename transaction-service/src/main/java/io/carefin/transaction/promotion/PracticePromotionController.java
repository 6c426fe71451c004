package io.carefin.transaction.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.transaction.BusinessDays;
import io.carefin.transaction.Refusal;

/**
 * Ops choose the plans a practice offers when they enrol it (and later): the whole
 * catalogue with the practice's choices, and the set of plans it offers from now on.
 */
@RestController
@PreAuthorize("hasRole('OPS_ADMIN')")
class PracticePromotionController {

	private final Promotions promotions;

	private final BusinessDays businessDays;

	PracticePromotionController(Promotions promotions, BusinessDays businessDays) {
		this.promotions = promotions;
		this.businessDays = businessDays;
	}

	@GetMapping("/api/transactions/admin/practices/{practiceId}/promotions")
	PracticePlans plans(@PathVariable UUID practiceId) {
		LocalDate today = this.businessDays.today(practiceId);
		List<String> enabled = this.promotions.enabledFor(practiceId, today).stream().map(Plan::code).toList();
		return new PracticePlans(practiceId,
				this.promotions.catalogue(today)
					.stream()
					.map((plan) -> PracticePlan.of(plan, enabled.contains(plan.code())))
					.toList());
	}

	@PutMapping("/api/transactions/admin/practices/{practiceId}/promotions")
	PracticePlans offer(@PathVariable UUID practiceId, @Valid @RequestBody Offer offer) {
		LocalDate today = this.businessDays.today(practiceId);
		Set<String> codes = new LinkedHashSet<>(offer.codes());
		Set<String> known = new LinkedHashSet<>(this.promotions.catalogue(today).stream().map(Plan::code).toList());
		List<String> unknown = codes.stream().filter((code) -> !known.contains(code)).toList();
		if (!unknown.isEmpty()) {
			throw Refusal.invalid("codes", "No plan in the catalogue has the code " + String.join(", ", unknown)
					+ "; pick from " + String.join(", ", known) + ".");
		}
		this.promotions.offerExactly(practiceId, codes);
		return plans(practiceId);
	}

	/**
	 * The plans a practice is to offer.
	 *
	 * @param codes their codes, such as {@code DEFERRED_6}; empty offers none
	 */
	record Offer(@NotNull List<@NotNull String> codes) {
	}

	/**
	 * The catalogue with what a practice offers.
	 *
	 * @param practiceId the practice
	 * @param plans every plan in force today, with whether the practice offers it
	 */
	record PracticePlans(UUID practiceId, List<PracticePlan> plans) {
	}

	/**
	 * One plan of the catalogue for a practice.
	 *
	 * @param code its code
	 * @param name how practices see it
	 * @param kind how it charges interest
	 * @param months its length
	 * @param apr its APR in percent
	 * @param enabled whether the practice offers it
	 */
	record PracticePlan(String code, String name, String kind, int months, BigDecimal apr, boolean enabled) {

		static PracticePlan of(Plan plan, boolean enabled) {
			return new PracticePlan(plan.code(), plan.name(), plan.kind().name(), plan.months(), plan.apr(), enabled);
		}

	}

}
