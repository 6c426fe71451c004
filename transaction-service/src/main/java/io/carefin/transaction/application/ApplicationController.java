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
 * Credit applications: practices submit, read and list their own; support lists those
 * pending review at every practice and decides them.
 */
@RestController
class ApplicationController {

	private static final int MAXIMUM_LIMIT = 100;

	private static final String TOTAL_COUNT = "X-Total-Count";

	private static final String PENDING_REVIEW = "PENDING_REVIEW";

	private static final List<String> STATUSES = List.of("APPROVED", "DECLINED", PENDING_REVIEW);

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
	 * A page of applications, newest first, with their total in {@code X-Total-Count}:
	 * every practice's pending review for support; the caller's own practice's for a
	 * practice user, all of them or those with one status.
	 */
	@GetMapping("/api/transactions/applications")
	@PreAuthorize("hasAnyRole('SUPPORT', 'PRACTICE_ADMIN', 'PRACTICE_USER')")
	ResponseEntity<List<ListedApplication>> list(JwtAuthenticationToken authentication,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int limit) {
		Caller caller = Caller.of(authentication);
		boolean support = caller.hasRole("SUPPORT");
		if (support ? !PENDING_REVIEW.equals(status) : (status != null && !STATUSES.contains(status))) {
			throw Refusal.invalid("status", support ? "only PENDING_REVIEW applications can be listed"
					: "must be one of " + String.join(", ", STATUSES));
		}
		if (page < 0) {
			throw Refusal.invalid("page", "must be 0 or more");
		}
		if (limit < 1 || limit > MAXIMUM_LIMIT) {
			throw Refusal.invalid("limit", "must be between 1 and " + MAXIMUM_LIMIT);
		}
		CreditApplications.Page found = this.applications.list(support ? null : practice(caller), status, page, limit);
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(found.total()))
			.body(found.applications().stream().map(ListedApplication::of).toList());
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
	 * An application in a list: what support needs to find and decide one pending review,
	 * and what a practice needs to follow its own; never the SSN beyond its last four
	 * digits, the date of birth, the account's id or the patient's finances.
	 */
	record ListedApplication(UUID applicationId, UUID practiceId, String practiceName, Instant submittedAt,
			@Nullable Instant decidedAt, String status, String keyedBy, String firstName, String lastName,
			String ssnLast4, BigDecimal requestedAmount, @Nullable BigDecimal creditLimit,
			@Nullable String accountLast4, List<String> reasons) {

		static ListedApplication of(CreditApplication application) {
			return new ListedApplication(application.id(), application.practiceId(), application.practiceName(),
					application.submittedAt(), application.decidedAt(), application.status(), application.keyedBy(),
					application.patient().firstName(), application.patient().lastName(), application.ssnLast4(),
					application.requestedAmount(), application.creditLimit(), application.accountLast4(),
					application.reasons());
		}

		@Override
		public String toString() {
			return "ListedApplication[applicationId=" + this.applicationId + "]";
		}

	}

}
