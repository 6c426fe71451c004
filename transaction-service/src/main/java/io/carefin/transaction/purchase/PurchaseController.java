package io.carefin.transaction.purchase;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.contracts.transaction.RefundIssued;
import io.carefin.starter.idempotency.Idempotency;
import io.carefin.starter.security.Caller;
import io.carefin.transaction.Refusal;

/**
 * A practice's purchases, refunds and voids. Purchases and refunds move money, so they
 * take an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/transactions/purchases")
@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
class PurchaseController {

	static final int MAXIMUM_LIMIT = 1000;

	private final PurchaseService purchases;

	private final Idempotency idempotency;

	PurchaseController(PurchaseService purchases, Idempotency idempotency) {
		this.purchases = purchases;
		this.idempotency = idempotency;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PERMISSION_PROCESS_PURCHASES')")
	ResponseEntity<?> purchase(JwtAuthenticationToken authentication,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody PurchaseRequest request) {
		Caller caller = Caller.of(authentication);
		String practiceName = (caller.practiceName() != null) ? caller.practiceName() : "";
		return this.idempotency.once(caller, key, "POST /api/transactions/purchases", request, () -> practice(caller),
				(practice) -> {
					Purchase purchase = this.purchases.purchase(practice, practiceName, request);
					return ResponseEntity.created(URI.create("/api/transactions/purchases/" + purchase.id()))
						.body(PurchaseResponse.of(purchase));
				});
	}

	@PostMapping("/{id}/refunds")
	@PreAuthorize("hasAuthority('PERMISSION_PROCESS_REFUNDS')")
	ResponseEntity<?> refund(JwtAuthenticationToken authentication, @PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody RefundRequest request) {
		Caller caller = Caller.of(authentication);
		return this.idempotency.once(caller, key, "POST /api/transactions/purchases/" + id + "/refunds", request,
				() -> this.purchases.get(practice(caller), id).practiceId(), (practice) -> {
					RefundIssued refund = this.purchases.refund(practice, id, request.amount());
					Purchase purchase = this.purchases.get(practice, id);
					return ResponseEntity
						.created(URI.create("/api/transactions/purchases/" + id + "/refunds/" + refund.refundId()))
						.body(new RefundResponse(refund.refundId(), id, refund.amount(), refund.settled(),
								purchase.refunded(), purchase.remaining()));
				});
	}

	@PostMapping("/{id}/void")
	@PreAuthorize("hasAnyAuthority('PERMISSION_PROCESS_PURCHASES', 'PERMISSION_PROCESS_REFUNDS')")
	PurchaseResponse voidPurchase(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		return PurchaseResponse.of(this.purchases.voidPurchase(practice(Caller.of(authentication)), id));
	}

	@GetMapping("/{id}")
	PurchaseResponse get(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		return PurchaseResponse.of(this.purchases.get(practice(Caller.of(authentication)), id));
	}

	/**
	 * The practice's purchases, newest first: the {@code limit} newest (1,000 at most) of
	 * those on one account and between two business days, when given.
	 */
	@GetMapping
	List<PurchaseResponse> list(JwtAuthenticationToken authentication,
			@RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "1000") int limit) {
		if (limit < 1 || limit > MAXIMUM_LIMIT) {
			throw Refusal.invalid("limit", "must be between 1 and " + MAXIMUM_LIMIT);
		}
		return this.purchases.list(practice(Caller.of(authentication)), accountId, from, to, limit)
			.stream()
			.map(PurchaseResponse::of)
			.toList();
	}

	private static UUID practice(Caller caller) {
		if (caller.practiceId() == null) {
			throw new AccessDeniedException("Not a practice user");
		}
		return caller.practiceId();
	}

	record RefundRequest(@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount) {
	}

	record RefundResponse(UUID refundId, UUID purchaseId, BigDecimal amount, boolean settled, BigDecimal refunded,
			BigDecimal remaining) {
	}

}
