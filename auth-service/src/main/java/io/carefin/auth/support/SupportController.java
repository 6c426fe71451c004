package io.carefin.auth.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support's endpoints for practice users' accounts.
 */
@RestController
@RequestMapping("/api/auth/admin/users/{userId}")
@PreAuthorize("hasRole('SUPPORT')")
class SupportController {

	private final SupportService support;

	SupportController(SupportService support) {
		this.support = support;
	}

	@GetMapping
	AccountStatus status(@PathVariable String userId) {
		return this.support.status(userId);
	}

	@PostMapping("/unlock")
	AccountStatus unlock(@PathVariable String userId, @Valid @RequestBody(required = false) UnlockRequest request) {
		return this.support.unlock(userId, (request != null) ? request.reason() : null);
	}

	@PostMapping("/suspend")
	AccountStatus suspend(@PathVariable String userId, @Valid @RequestBody SuspendRequest request) {
		return this.support.suspend(userId, request.reason());
	}

	@PostMapping("/reactivate")
	AccountStatus reactivate(@PathVariable String userId) {
		return this.support.reactivate(userId);
	}

	record SuspendRequest(@NotNull SuspensionReason reason) {
	}

	/**
	 * Why support lifts a lock, in the agent's words, kept in the audit trail.
	 */
	record UnlockRequest(@Size(max = 500) @Nullable String reason) {
	}

}
