package io.carefin.account.payment;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.account.account.AccountAccess;
import io.carefin.account.account.Viewer;
import io.carefin.starter.idempotency.Idempotency;
import io.carefin.starter.security.Caller;

/**
 * An account's payments: their history, and posting one.
 */
@RestController
@RequestMapping("/api/accounts/{accountId}/payments")
class PaymentController {

	/**
	 * The practice users' permission to post payments the patient made at the front desk.
	 */
	static final String POST_PAYMENTS = "POST_PAYMENTS";

	private final Payments payments;

	private final AccountAccess access;

	PaymentController(Payments payments, AccountAccess access) {
		this.payments = payments;
		this.access = access;
	}

	@PostMapping
	@PreAuthorize("hasRole('SUPPORT') or hasAuthority('PERMISSION_" + POST_PAYMENTS + "')")
	ResponseEntity<?> post(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason,
			@Valid @RequestBody PaymentRequest request) {
		return this.payments.post(Caller.of(authentication), accountId, reason, key, request);
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER', 'SUPPORT')")
	List<Payment> history(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason) {
		Viewer viewer = this.access.toAccount(Caller.of(authentication), accountId, reason, "READ_PAYMENTS");
		return this.payments.history(viewer, accountId);
	}

}
