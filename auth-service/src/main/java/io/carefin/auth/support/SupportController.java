package io.carefin.auth.support;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.audit.AuditLog;

/**
 * Support's endpoints for practice users' accounts: find a user, see their state and
 * their recent security events, and change their state with a stated reason.
 */
@RestController
@RequestMapping("/api/auth/admin/users")
@PreAuthorize("hasRole('SUPPORT')")
class SupportController {

	private static final String SEARCH_MESSAGE = "must be at least 2 characters: the start of a user ID or "
			+ "e-mail address, or part of a practice's name or code";

	private final SupportService support;

	SupportController(SupportService support) {
		this.support = support;
	}

	@GetMapping
	SupportService.Matches search(
			@RequestParam(required = false) @NotNull @Size(max = 100) @Pattern(regexp = "(?s)\\s*\\S.*\\S\\s*",
					message = SEARCH_MESSAGE) @Nullable String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.support.search(java.util.Objects.requireNonNull(q), page, size);
	}

	@GetMapping("/{userId}")
	AccountStatus status(@PathVariable String userId) {
		return this.support.status(userId);
	}

	@GetMapping("/{userId}/events")
	List<AuditLog.UserEntry> events(@PathVariable String userId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.support.events(userId, size);
	}

	@PostMapping("/{userId}/unlock")
	AccountStatus unlock(@PathVariable String userId, @Valid @RequestBody Reason request) {
		return this.support.unlock(userId, request.reason().strip());
	}

	@PostMapping("/{userId}/suspend")
	AccountStatus suspend(@PathVariable String userId, @Valid @RequestBody Suspension request) {
		return this.support.suspend(userId, request.reason(), request.note().strip());
	}

	@PostMapping("/{userId}/reactivate")
	AccountStatus reactivate(@PathVariable String userId, @Valid @RequestBody Reason request) {
		return this.support.reactivate(userId, request.reason().strip());
	}

	@PostMapping("/{userId}/invitation")
	AccountStatus resendInvitation(@PathVariable String userId, @Valid @RequestBody Reason request) {
		return this.support.resendInvitation(userId, request.reason().strip());
	}

	/**
	 * Why support acts, in the agent's words (such as "caller verified by phone"), kept
	 * in the audit trail.
	 */
	record Reason(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * Why support suspends a user: the policy reason and the agent's words.
	 */
	record Suspension(@NotNull SuspensionReason reason, @NotBlank @Size(max = 500) String note) {
	}

}
