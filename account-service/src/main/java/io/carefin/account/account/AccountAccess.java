package io.carefin.account.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.carefin.starter.security.Caller;

/**
 * Decides who may see or act on an account: a practice user only the accounts of patients
 * who applied or bought at the practice (any other answers 404, as if it did not exist);
 * support staff any account, but only with a reason, and every such read or action is
 * written to the audit trail.
 */
@Component
public class AccountAccess {

	/**
	 * The header in which support staff state why they open an account.
	 */
	public static final String REASON_HEADER = "X-Access-Reason";

	private static final int MAX_REASON = 500;

	private final Accounts accounts;

	private final SupportAudit audit;

	AccountAccess(Accounts accounts, SupportAudit audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * Lets the caller at one account, or refuses; audits a support read or action.
	 * @param action what the caller does, such as {@code READ_SUMMARY}
	 * @throws AccountNotFoundException when there is no such account or the caller's
	 * practice may not see it
	 * @throws AccessReasonRequiredException when support staff gave no reason
	 */
	public Viewer toAccount(Caller caller, UUID accountId, @Nullable String reason, String action) {
		Viewer viewer = viewer(caller, reason);
		if (viewer.support()) {
			if (!this.accounts.exists(accountId)) {
				throw new AccountNotFoundException(accountId);
			}
			this.audit.record(viewer, accountId, action);
		}
		else if (!this.accounts.visibleTo(accountId, viewer.practiceId())) {
			throw new AccountNotFoundException(accountId);
		}
		return viewer;
	}

	/**
	 * Lets the caller search for accounts; each account found must then pass
	 * {@link #canSee(Viewer, UUID, String)}.
	 */
	public Viewer toLookup(Caller caller, @Nullable String reason) {
		return viewer(caller, reason);
	}

	/**
	 * Whether a viewer may see an account found by a lookup; a support viewer may, and is
	 * audited.
	 */
	public boolean canSee(Viewer viewer, UUID accountId, String action) {
		if (viewer.support()) {
			this.audit.record(viewer, accountId, action);
			return true;
		}
		return this.accounts.visibleTo(accountId, viewer.practiceId());
	}

	private static Viewer viewer(Caller caller, @Nullable String reason) {
		if (caller.isPracticeUser()) {
			return new Viewer("user:" + caller.subject(), caller.practiceId(), null);
		}
		if (caller.hasRole("SUPPORT")) {
			String stated = (reason != null) ? reason.strip() : "";
			if (stated.isEmpty() || stated.length() > MAX_REASON || stated.chars().anyMatch(Character::isISOControl)) {
				throw new AccessReasonRequiredException();
			}
			return new Viewer("staff:" + caller.subject(), null, stated);
		}
		throw new AccessDeniedException("Only practice users and support staff see patients' accounts");
	}

}
