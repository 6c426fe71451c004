package io.carefin.transaction.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.financing.Quote;
import io.carefin.starter.security.Caller;
import io.carefin.transaction.BusinessDays;
import io.carefin.transaction.Refusal;

/**
 * The practice's promotions (Manage Promotions) and quotes on them.
 */
@RestController
@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
class PromotionController {

	private final Promotions promotions;

	private final BusinessDays businessDays;

	PromotionController(Promotions promotions, BusinessDays businessDays) {
		this.promotions = promotions;
		this.businessDays = businessDays;
	}

	@GetMapping("/api/transactions/promotions")
	List<PlanResponse> enabled(JwtAuthenticationToken authentication) {
		UUID practice = practice(authentication);
		return this.promotions.enabledFor(practice, this.businessDays.today(practice))
			.stream()
			.map((plan) -> PlanResponse.of(plan, true))
			.toList();
	}

	@GetMapping("/api/transactions/promotions/catalogue")
	List<PlanResponse> catalogue(JwtAuthenticationToken authentication) {
		UUID practice = practice(authentication);
		LocalDate today = this.businessDays.today(practice);
		List<String> enabled = this.promotions.enabledFor(practice, today).stream().map(Plan::code).toList();
		return this.promotions.catalogue(today)
			.stream()
			.map((plan) -> PlanResponse.of(plan, enabled.contains(plan.code())))
			.toList();
	}

	@PutMapping("/api/transactions/promotions/{code}")
	@PreAuthorize("hasRole('PRACTICE_ADMIN') and hasAuthority('PERMISSION_MANAGE_PROMOTIONS')")
	PlanResponse enable(JwtAuthenticationToken authentication, @PathVariable String code) {
		UUID practice = practice(authentication);
		Plan plan = this.promotions.inForce(code, this.businessDays.today(practice))
			.orElseThrow(() -> Refusal.notFound("promotion"));
		this.promotions.enable(practice, code);
		return PlanResponse.of(plan, true);
	}

	@DeleteMapping("/api/transactions/promotions/{code}")
	@PreAuthorize("hasRole('PRACTICE_ADMIN') and hasAuthority('PERMISSION_MANAGE_PROMOTIONS')")
	ResponseEntity<Void> disable(JwtAuthenticationToken authentication, @PathVariable String code) {
		this.promotions.disable(practice(authentication), code);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/transactions/quotes")
	Object quote(JwtAuthenticationToken authentication, @Valid @RequestBody QuoteRequest request) {
		UUID practice = practice(authentication);
		LocalDate today = this.businessDays.today(practice);
		if (request.promotionCode() != null) {
			Plan plan = this.promotions.enabledPlan(practice, request.promotionCode(), today)
				.orElseThrow(() -> notEnabled(request.promotionCode()));
			return QuoteResponse.of(plan, request.amount(), today);
		}
		return new Quotes(this.promotions.enabledFor(practice, today)
			.stream()
			.filter((plan) -> request.amount().compareTo(plan.minimumAmount()) >= 0)
			.map((plan) -> QuoteResponse.of(plan, request.amount(), today))
			.toList());
	}

	static Refusal notEnabled(String code) {
		return Refusal.unprocessable("promotion-not-enabled",
				"The practice does not offer the plan " + code + ": enable it in Manage Promotions or pick another.");
	}

	private static UUID practice(JwtAuthenticationToken authentication) {
		UUID practice = Caller.of(authentication).practiceId();
		if (practice == null) {
			throw new AccessDeniedException("Not a practice user");
		}
		return practice;
	}

	record QuoteRequest(@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
			@Nullable String promotionCode) {
	}

	record Quotes(List<QuoteResponse> quotes) {
	}

	record QuoteResponse(String promotionCode, String promotionKind, BigDecimal amount, BigDecimal monthlyPayment,
			int numberOfPayments, BigDecimal lastPayment, BigDecimal totalInterest, BigDecimal totalCost,
			BigDecimal minimumPayment, BigDecimal apr, @Nullable LocalDate promotionEndDate, boolean minimumMet) {

		static QuoteResponse of(Plan plan, BigDecimal amount, LocalDate today) {
			Quote quote = plan.quote(amount.setScale(2));
			return new QuoteResponse(plan.code(), plan.kind().name(), quote.amount(), quote.monthlyPayment(),
					quote.numberOfPayments(), quote.lastPayment(), quote.totalInterest(), quote.totalCost(),
					quote.minimumPayment(), plan.apr(), today.plusMonths(plan.months()),
					amount.compareTo(plan.minimumAmount()) >= 0);
		}

	}

	record PlanResponse(String code, int version, String name, String kind, int months, BigDecimal apr,
			BigDecimal standardApr, BigDecimal minimumAmount, BigDecimal merchantFeeRate, LocalDate effectiveFrom,
			@Nullable LocalDate effectiveTo, boolean enabled) {

		static PlanResponse of(Plan plan, boolean enabled) {
			return new PlanResponse(plan.code(), plan.version(), plan.name(), plan.kind().name(), plan.months(),
					plan.apr(), plan.standardApr(), plan.minimumAmount(), plan.merchantFeeRate(), plan.effectiveFrom(),
					plan.effectiveTo(), enabled);
		}

	}

}
