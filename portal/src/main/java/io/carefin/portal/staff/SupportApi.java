package io.carefin.portal.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.carefin.portal.api.AccountsApi;

/**
 * What support asks of the API, with the staff member's token: practice users' status,
 * security events and state changes (auth-service), patient accounts with a stated reason
 * (account-service), and applications waiting for review (transaction-service).
 */
@HttpExchange(accept = "application/json")
public interface SupportApi {

	/**
	 * The header in which account-service wants support's reason for reading an account.
	 */
	String ACCESS_REASON = "X-Access-Reason";

	@GetExchange("/api/auth/admin/users")
	UserPage users(@RequestParam String q, @RequestParam int page, @RequestParam int size);

	@GetExchange("/api/auth/admin/users/{userId}")
	AccountStatus user(@PathVariable String userId);

	@GetExchange("/api/auth/admin/users/{userId}/events")
	List<SecurityEvent> events(@PathVariable String userId, @RequestParam int size);

	@PostExchange("/api/auth/admin/users/{userId}/unlock")
	void unlock(@PathVariable String userId, @RequestBody Reason reason);

	@PostExchange("/api/auth/admin/users/{userId}/suspend")
	void suspend(@PathVariable String userId, @RequestBody Suspension suspension);

	@PostExchange("/api/auth/admin/users/{userId}/reactivate")
	void reactivate(@PathVariable String userId, @RequestBody Reason reason);

	@PostExchange("/api/auth/admin/users/{userId}/invitation")
	void resendInvitation(@PathVariable String userId, @RequestBody Reason reason);

	@GetExchange("/api/accounts")
	List<AccountsApi.Match> accountsByNumber(@RequestHeader(ACCESS_REASON) String reason,
			@RequestParam String accountNumber);

	@GetExchange("/api/accounts")
	List<AccountsApi.Match> accountsByName(@RequestHeader(ACCESS_REASON) String reason, @RequestParam String lastName,
			@RequestParam String dateOfBirth);

	@GetExchange("/api/accounts/{id}")
	AccountsApi.Summary account(@RequestHeader(ACCESS_REASON) String reason, @PathVariable UUID id);

	@GetExchange("/api/accounts/{id}/activity")
	List<AccountsApi.Activity> activity(@RequestHeader(ACCESS_REASON) String reason, @PathVariable UUID id);

	@GetExchange("/api/transactions/applications")
	List<PendingApplication> pendingApplications(@RequestParam String status, @RequestParam int limit);

	@PostExchange("/api/transactions/applications/{id}/decision")
	void decide(@PathVariable UUID id, @RequestBody Decision decision);

	/**
	 * A page of practice users.
	 *
	 * @param items the users
	 * @param page the page, from 0
	 * @param size its size
	 * @param total how many matched
	 */
	record UserPage(List<AccountStatus> items, int page, int size, long total) {

		public UserPage {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	/**
	 * A practice user's standing at auth-service.
	 *
	 * @param userId what they sign in with
	 * @param practiceId their practice
	 * @param practiceName its name
	 * @param practiceCode its code
	 * @param email their e-mail address
	 * @param role their role
	 * @param status {@code ACTIVE}, {@code LOCKED}, {@code SUSPENDED}, {@code INVITED} or
	 * {@code DISABLED}
	 * @param lockedUntil when a lock ends
	 * @param lockedPermanently whether only support can lift the lock
	 * @param stepUpRequired whether the next sign-in needs a second factor
	 * @param suspensionReason why they are suspended
	 * @param lastSignInAt their last sign-in
	 */
	record AccountStatus(String userId, @Nullable UUID practiceId, @Nullable String practiceName,
			@Nullable String practiceCode, @Nullable String email, @Nullable String role, String status,
			@Nullable Instant lockedUntil, boolean lockedPermanently, boolean stepUpRequired,
			@Nullable String suspensionReason, @Nullable Instant lastSignInAt) {

		/**
		 * The status in words, such as "Locked until support unlocks".
		 */
		public String standing() {
			return switch (this.status) {
				case "ACTIVE" -> "Active";
				case "LOCKED" -> this.lockedPermanently ? "Locked until support unlocks" : "Locked";
				case "SUSPENDED" -> "Suspended";
				case "INVITED" -> "Invited, not activated yet";
				case "DISABLED" -> "Disabled by the practice";
				default -> this.status;
			};
		}

		public boolean locked() {
			return "LOCKED".equals(this.status);
		}

		public boolean suspended() {
			return "SUSPENDED".equals(this.status);
		}

		public boolean invited() {
			return "INVITED".equals(this.status);
		}

	}

	/**
	 * An entry of a user's security trail.
	 *
	 * @param occurredAt when
	 * @param action what, such as {@code SIGN_IN}
	 * @param outcome how it went
	 * @param actor who did it
	 * @param clientIp from where
	 * @param reason why, when staff did it
	 */
	record SecurityEvent(Instant occurredAt, String action, @Nullable String outcome, @Nullable String actor,
			@Nullable String clientIp, @Nullable String reason) {

	}

	/**
	 * Why support acts.
	 *
	 * @param reason the reason, as stated
	 */
	record Reason(String reason) {

	}

	/**
	 * A suspension.
	 *
	 * @param reason the policy reason
	 * @param note what support adds
	 */
	record Suspension(String reason, String note) {

	}

	/**
	 * An application waiting for support's review.
	 *
	 * @param applicationId the application
	 * @param practiceId its practice
	 * @param practiceName its practice's name
	 * @param submittedAt when
	 * @param requestedAmount what was asked for
	 * @param keyedBy who keyed it in
	 * @param firstName the patient's first name
	 * @param lastName the patient's last name
	 * @param ssnLast4 the last four digits of the SSN
	 * @param reasons why it waits for review
	 */
	record PendingApplication(UUID applicationId, @Nullable UUID practiceId, @Nullable String practiceName,
			Instant submittedAt, BigDecimal requestedAmount, @Nullable String keyedBy, String firstName,
			String lastName, String ssnLast4, @Nullable List<String> reasons) {

	}

	/**
	 * Support's decision on an application.
	 *
	 * @param decision {@code APPROVED} or {@code DECLINED}
	 * @param creditLimit the line to open, when approved
	 * @param reasons the decline reasons
	 */
	record Decision(String decision, @Nullable BigDecimal creditLimit, List<String> reasons) {

	}

}
