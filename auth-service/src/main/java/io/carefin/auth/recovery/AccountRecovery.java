package io.carefin.auth.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.lockout.Lockout;
import io.carefin.auth.password.PasswordPolicy;
import io.carefin.auth.password.Passwords;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.UserStatus;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.PasswordChanged;
import io.carefin.contracts.auth.PasswordResetRequested;
import io.carefin.contracts.auth.UserIdReminderRequested;

/**
 * Forgotten user IDs and passwords. A reminder or a reset link goes to the e-mail address
 * on file, and only when the request matches a user; the caller never learns whether it
 * did. A reset token is single use, lives 30 minutes and replaces any earlier one;
 * redeeming it sets a password under the usual policy, ends every session and tells the
 * user. It does not lift a lock, and the next sign-in still asks for an enrolled second
 * factor; it does lift the step-up that repeated locks ask for, and forgets the failed
 * attempts, since the link proves as much as an e-mailed code would.
 */
@Service
class AccountRecovery {

	private static final Duration RESET_TOKEN_LIFETIME = Duration.ofMinutes(30);

	private final Users users;

	private final AccessLinks links;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final Sessions sessions;

	private final Lockout lockout;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	AccountRecovery(Users users, AccessLinks links, Passwords passwords, PasswordPolicy policy, Sessions sessions,
			Lockout lockout, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.users = users;
		this.lockout = lockout;
		this.links = links;
		this.passwords = passwords;
		this.policy = policy;
		this.sessions = sessions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	void remindUserId(String email) {
		Instant now = this.clock.instant();
		for (PracticeUser user : this.users.byEmail(email)) {
			if (user.status() == UserStatus.ACTIVE) {
				this.events.publishEvent(new UserIdReminderRequested(UUID.randomUUID(), now, user.id(),
						user.practiceId(), user.practiceName(), user.email(), user.userId()));
				this.audit.record(AuditAction.USER_ID_REMINDER, "SENT", user.id(), user.practiceId());
			}
		}
	}

	@Transactional
	void requestReset(String userId, String email) {
		Instant now = this.clock.instant();
		this.users.byUserId(userId)
			.filter((user) -> user.status() == UserStatus.ACTIVE)
			.filter((user) -> user.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)))
			.ifPresent((user) -> {
				Instant expiresAt = now.plus(RESET_TOKEN_LIFETIME);
				String token = this.links.issue(user.id(), AccessLinks.Purpose.RESET, now, RESET_TOKEN_LIFETIME);
				this.events.publishEvent(new PasswordResetRequested(UUID.randomUUID(), now, user.id(),
						user.practiceId(), user.practiceName(), user.email(), token, expiresAt));
				this.audit.record(AuditAction.RESET_REQUEST, "SENT", user.id(), user.practiceId());
			});
	}

	/**
	 * Sets a new password with a reset token.
	 * @throws LinkInvalidException when the token is unknown, used or expired
	 * @throws PasswordRejectedException when the policy refuses the password; the token
	 * stays good
	 */
	@Transactional
	void reset(String token, String newPassword) {
		Instant now = this.clock.instant();
		UUID userId = this.links.holder(token, AccessLinks.Purpose.RESET, now).orElseThrow(LinkInvalidException::new);
		PracticeUser user = this.users.byId(userId)
			.filter((candidate) -> candidate.status() == UserStatus.ACTIVE)
			.orElseThrow(LinkInvalidException::new);
		this.policy.requireAcceptable(newPassword, user.userId(), user.practiceName());
		this.users.changePasswordHash(user.id(), this.passwords.hash(newPassword));
		this.links.voidLinks(user.id(), AccessLinks.Purpose.RESET, now);
		this.sessions.endAll(user.id(), "PASSWORD_RESET");
		this.lockout.recovered(user.id());
		this.events.publishEvent(new PasswordChanged(UUID.randomUUID(), now, user.id(), user.practiceId(),
				user.practiceName(), user.email()));
		this.audit.record(AuditAction.RESET_REDEEM, "SUCCEEDED", user.id(), user.practiceId());
	}

}
