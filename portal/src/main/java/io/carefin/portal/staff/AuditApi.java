package io.carefin.portal.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The audit trails auditors read: auth-service's security trail and account-service's
 * support-access trail, a page at a time (their CSV exports are streamed by
 * {@link AuditController} itself).
 */
@HttpExchange(accept = "application/json")
public interface AuditApi {

	@GetExchange("/api/auth/audit")
	SecurityTrail security(@RequestParam String from, @RequestParam String to,
			@RequestParam(required = false) @Nullable String action, @RequestParam int page, @RequestParam int size);

	@GetExchange("/api/accounts/audit")
	SupportTrail supportAccess(@RequestParam String from, @RequestParam String to, @RequestParam int page,
			@RequestParam int size);

	/**
	 * A page of the security trail.
	 *
	 * @param items its entries
	 * @param page the page, from 0
	 * @param size its size
	 * @param total how many in the range
	 */
	record SecurityTrail(List<SecurityEntry> items, int page, int size, long total) {

		public SecurityTrail {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	/**
	 * An entry of the security trail.
	 *
	 * @param occurredAt when
	 * @param action what
	 * @param outcome how it went
	 * @param userId whose account
	 * @param practiceId their practice
	 * @param practiceName its name
	 * @param actor who did it
	 * @param clientIp from where
	 * @param reason why, when staff did it
	 */
	record SecurityEntry(Instant occurredAt, String action, @Nullable String outcome, @Nullable String userId,
			@Nullable UUID practiceId, @Nullable String practiceName, @Nullable String actor, @Nullable String clientIp,
			@Nullable String reason) {

	}

	/**
	 * A page of the support-access trail.
	 *
	 * @param items its entries
	 * @param page the page, from 0
	 * @param size its size
	 * @param total how many in the range
	 */
	record SupportTrail(List<SupportEntry> items, int page, int size, long total) {

		public SupportTrail {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	/**
	 * An entry of the support-access trail.
	 *
	 * @param occurredAt when
	 * @param actor who ({@code staff:<subject>})
	 * @param reason why, as stated
	 * @param accountId which account
	 * @param action what, such as {@code READ_SUMMARY}
	 */
	record SupportEntry(Instant occurredAt, String actor, @Nullable String reason, @Nullable UUID accountId,
			String action) {

	}

}
