package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.starter.security.Caller;
import io.carefin.transaction.Refusal;

/**
 * Credit applications: practices submit and read their own; support lists those pending
 * review at every practice and decides them.
 */
@RestController
class ApplicationController {

	private static final int MAXIMUM_LIMIT = 100;

	private final ApplicationService applications;

	ApplicationController(ApplicationService applications) {
		this.applications = applications;
	}

	@PostMapping("/api/transactions/applications")
	@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER') and hasAuthority('PERMISSION_PROCESS_APPLICATIONS')")
	ResponseEntity<ApplicationResponse> submit(JwtAuthenticationToken authentication,
			@Valid @RequestBody ApplicationRequest request) {
		Caller caller = Caller.of(authentication);
		UUID practice = practice(caller);
		ApplicationService.Submitted submitted = this.applications.submit(practice,
				(caller.practiceName() != null) ? caller.practiceName() : "", request);
		ApplicationResponse body = ApplicationResponse.of(submitted.application());
		URI location = URI.create("/api/transactions/applications/" + body.applicationId());
		return submitted.created() ? ResponseEntity.created(location).body(body)
				: ResponseEntity.ok().location(location).body(body);
	}

	@GetMapping("/api/transactions/applications/{id}")
	@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
	ApplicationResponse get(JwtAuthenticationToken authentication, @PathVariable UUID id) {
		return ApplicationResponse.of(this.applications.get(practice(Caller.of(authentication)), id));
	}

	/**
	 * Applications pending review, newest first: every practice's for support, the
	 * caller's own practice's for a practice user.
	 */
	@GetMapping("/api/transactions/applications")
	@PreAuthorize("hasAnyRole('SUPPORT', 'PRACTICE_ADMIN', 'PRACTICE_USER')")
	List<PendingApplication> pendingReview(JwtAuthenticationToken authentication,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "50") int limit) {
		if (!"PENDING_REVIEW".equals(status)) {
			throw Refusal.invalid("status", "only PENDING_REVIEW applications can be listed");
		}
		if (limit < 1 || limit > MAXIMUM_LIMIT) {
			throw Refusal.invalid("limit", "must be between 1 and " + MAXIMUM_LIMIT);
		}
		Caller caller = Caller.of(authentication);
		UUID practice = caller.hasRole("SUPPORT") ? null : practice(caller);
		return this.applications.pendingReview(practice, limit).stream().map(PendingApplication::of).toList();
	}

	@PostMapping("/api/transactions/applications/{id}/decision")
	@PreAuthorize("hasRole('SUPPORT')")
	ApplicationResponse decide(JwtAuthenticationToken authentication, @PathVariable UUID id,
			@Valid @RequestBody ReviewRequest request) {
		return ApplicationResponse
			.of(this.applications.review(id, request.decision() == ReviewDecision.APPROVED, request.creditLimit(),
					(request.reasons() != null) ? request.reasons() : List.of(), Caller.of(authentication).subject()));
	}

	private static UUID practice(Caller caller) {
		if (caller.practiceId() == null) {
			throw new AccessDeniedException("Not a practice user");
		}
		return caller.practiceId();
	}

	/**
	 * Support's decision.
	 */
	enum ReviewDecision {

		/**
		 * Approve and open a credit line.
		 */
		APPROVED,

		/**
		 * Decline.
		 */
		DECLINED

	}

	record ReviewRequest(@NotNull ReviewDecision decision,
			@Nullable @DecimalMin("100.00") @Digits(integer = 10, fraction = 2) BigDecimal creditLimit,
			@Nullable List<String> reasons) {
	}

	/**
	 * An application and its decision, as its practice sees it; {@code existingAccount}
	 * says the approval found a credit line the patient already held.
	 */
	record ApplicationResponse(UUID applicationId, String status, List<String> reasons,
			@Nullable BigDecimal creditLimit, @Nullable UUID accountId, @Nullable String accountLast4,
			boolean existingAccount, String ssnLast4, BigDecimal requestedAmount, String keyedBy, Instant submittedAt,
			@Nullable Instant decidedAt, boolean reviewed) {

		static ApplicationResponse of(CreditApplication application) {
			return new ApplicationResponse(application.id(), application.status(), application.reasons(),
					application.creditLimit(), application.accountId(), application.accountLast4(),
					application.existingAccount(), application.ssnLast4(), application.requestedAmount(),
					application.keyedBy(), application.submittedAt(), application.decidedAt(), application.reviewed());
		}

	}

	/**
	 * What support needs to find and decide an application pending review: never the SSN
	 * beyond its last four digits, the date of birth or the patient's finances.
	 */
	record PendingApplication(UUID applicationId, UUID practiceId, String practiceName, Instant submittedAt,
			BigDecimal requestedAmount, String keyedBy, String firstName, String lastName, String ssnLast4,
			List<String> reasons) {

		static PendingApplication of(CreditApplication application) {
			return new PendingApplication(application.id(), application.practiceId(), application.practiceName(),
					application.submittedAt(), application.requestedAmount(), application.keyedBy(),
					application.patient().firstName(), application.patient().lastName(), application.ssnLast4(),
					application.reasons());
		}

		@Override
		public String toString() {
			return "PendingApplication[applicationId=" + this.applicationId + "]";
		}

	}

}
