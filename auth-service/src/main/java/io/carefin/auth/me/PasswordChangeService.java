package io.carefin.auth.me;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.lockout.Lockout;
import io.carefin.auth.password.PasswordPolicy;
import io.carefin.auth.password.Passwords;
import io.carefin.auth.recovery.AccessLinks;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.PasswordChanged;

/**
 * A signed-in practice user changes their password. The new one must meet the password
 * policy, checked first and without touching the current one. The current password is
 * then checked as a sign-in checks it: the attempt is counted toward lockout, committed
 * on its own, before its hash is; a locked user's is not checked at all; a wrong one that
 * reaches the limit locks the user (whose session then ends at its next refresh); every
 * refusal reads the same. A change ends the user's other sessions and keeps the one it
 * was made in (every session when the token names none), voids open reset links, and
 * tells the user by e-mail ({@code PasswordChanged}), all in one transaction; no database
 * connection is held while a hash is computed. Access tokens already issued stay valid
 * until they expire.
 */
@Service
class PasswordChangeService {

	private final Users users;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final Lockout lockout;

	private final Sessions sessions;

	private final AccessLinks links;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PasswordChangeService(Users users, Passwords passwords, PasswordPolicy policy, Lockout lockout, Sessions sessions,
			AccessLinks links, ApplicationEventPublisher events, AuditTrail audit, TransactionTemplate transactions,
			Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.policy = policy;
		this.lockout = lockout;
		this.sessions = sessions;
		this.links = links;
		this.events = events;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Replaces the user's password.
	 * @param userId the signed-in user
	 * @param sessionId the session the change is made in, which stays signed in
	 * @throws io.carefin.auth.password.PasswordRejectedException when the policy refuses
	 * the new password; nothing is counted
	 * @throws CurrentPasswordRejectedException when the current password does not prove
	 * the user
	 */
	void change(UUID userId, @Nullable UUID sessionId, String currentPassword, String newPassword) {
		Instant now = this.clock.instant();
		PracticeUser user = this.users.byId(userId).filter(PracticeUser::active).orElse(null);
		if (user == null) {
			this.passwords.checkNothing(currentPassword);
			throw refused(userId, null);
		}
		this.policy.requireAcceptable(newPassword, user.userId(), user.practiceName());
		OptionalInt attempt = this.lockout.countAttempt(user.id(), now).number();
		String currentHash = user.passwordHash();
		if (attempt.isEmpty() || currentHash == null) {
			this.passwords.checkNothing(currentPassword);
			throw refused(user.id(), user.practiceId());
		}
		if (!this.passwords.matches(currentPassword, currentHash)) {
			this.lockout.failed(user, attempt.getAsInt(), now);
			throw refused(user.id(), user.practiceId());
		}
		String newHash = this.passwords.hash(newPassword);
		this.transactions.executeWithoutResult((status) -> {
			this.lockout.succeeded(user.id(), now);
			this.users.changePasswordHash(user.id(), newHash);
			this.links.voidLinks(user.id(), AccessLinks.Purpose.RESET, now);
			if (sessionId != null) {
				this.sessions.endAllBut(user.id(), sessionId);
			}
			else {
				this.sessions.endAll(user.id(), "PASSWORD_CHANGED");
			}
			this.events.publishEvent(new PasswordChanged(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email()));
			this.audit.record(AuditAction.PASSWORD_CHANGE, "SUCCEEDED", user.id(), user.practiceId());
		});
	}

	private CurrentPasswordRejectedException refused(UUID userId, @Nullable UUID practiceId) {
		this.audit.record(AuditAction.PASSWORD_CHANGE, "FAILED", userId, practiceId);
		return new CurrentPasswordRejectedException();
	}

}
