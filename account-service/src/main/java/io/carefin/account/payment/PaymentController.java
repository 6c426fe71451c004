package io.carefin.account.payment;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.account.account.AccountAccess;
import io.carefin.starter.idempotency.Idempotency;
import io.carefin.starter.security.Caller;

/**
 * An account's payments: their history, and posting one.
 */
@RestController
@RequestMapping("/api/accounts/{accountId}/payments")
class PaymentController {

	private final Payments payments;

	private final AccountAccess access;

	PaymentController(Payments payments, AccountAccess access) {
		this.payments = payments;
		this.access = access;
	}

	@PostMapping
	ResponseEntity<?> post(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason,
			@Valid @RequestBody PaymentRequest request) {
		return this.payments.post(Caller.of(authentication), accountId, reason, key, request);
	}

	@GetMapping
	List<Payment> history(JwtAuthenticationToken authentication, @PathVariable UUID accountId,
			@RequestHeader(name = AccountAccess.REASON_HEADER, required = false) @Nullable String reason) {
		this.access.toAccount(Caller.of(authentication), accountId, reason, "READ_PAYMENTS");
		return this.payments.history(accountId);
	}

}
