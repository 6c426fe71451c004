package io.carefin.auth.support;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditLog;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.team.Invitations;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.UserStatus;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.UserReactivated;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.UserUnlocked;

/**
 * Support's changes to a practice user's account, each announced on {@code auth.users} so
 * that the user is told, and each kept in the audit trail with the reason the agent gave;
 * and what support reads to find a user and see what happened to them.
 */
@Service
class SupportService {

	private final Users users;

	private final UserDirectory directory;

	private final Sessions sessions;

	private final Invitations invitations;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final AuditLog log;

	private final Clock clock;

	SupportService(Users users, UserDirectory directory, Sessions sessions, Invitations invitations,
			ApplicationEventPublisher events, AuditTrail audit, AuditLog log, Clock clock) {
		this.users = users;
		this.directory = directory;
		this.sessions = sessions;
		this.invitations = invitations;
		this.events = events;
		this.audit = audit;
		this.log = log;
		this.clock = clock;
	}

	AccountStatus status(String userId) {
		return this.directory.status(userId, this.clock.instant()).orElseThrow(UserNotFoundException::new);
	}

	Matches search(String query, int page, int size) {
		return new Matches(this.directory.search(query, page, size, this.clock.instant()), page, size,
				this.directory.count(query));
	}

	List<AuditLog.UserEntry> events(String userId, int size) {
		return this.log.ofUser(find(userId).id(), size);
	}

	@Transactional
	AccountStatus unlock(String userId, String reason) {
		PracticeUser user = find(userId);
		Instant now = this.clock.instant();
		if (user.lockedAt(now) || user.stepUpRequired()) {
			this.users.unlock(user.id());
			this.events.publishEvent(new UserUnlocked(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email()));
			this.audit.record(AuditAction.UNLOCK, "SUCCEEDED", user.id(), user.practiceId(), reason);
		}
		return status(userId);
	}

	@Transactional
	AccountStatus suspend(String userId, SuspensionReason reason, String note) {
		PracticeUser user = find(userId);
		Instant now = this.clock.instant();
		if (user.status() != UserStatus.SUSPENDED) {
			this.users.suspend(user.id(), reason.name());
			this.sessions.endAll(user.id(), "SUSPENDED");
			this.events.publishEvent(new UserSuspended(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email(), reason.name()));
			this.audit.record(AuditAction.SUSPEND, reason.name(), user.id(), user.practiceId(), note);
		}
		return status(userId);
	}

	@Transactional
	AccountStatus reactivate(String userId, String reason) {
		PracticeUser user = find(userId);
		if (user.status() == UserStatus.SUSPENDED) {
			this.users.reactivate(user.id());
			this.events.publishEvent(new UserReactivated(UUID.randomUUID(), this.clock.instant(), user.id(),
					user.practiceId(), user.practiceName(), user.email()));
			this.audit.record(AuditAction.REACTIVATE, "SUCCEEDED", user.id(), user.practiceId(), reason);
		}
		return status(userId);
	}

	/**
	 * Sends an invited user a new activation link, voiding the one they had.
	 * @throws io.carefin.auth.team.InvitationNotPendingException when the user has
	 * activated already, or their practice is closed
	 */
	@Transactional
	AccountStatus resendInvitation(String userId, String reason) {
		this.invitations.resend(find(userId), reason);
		return status(userId);
	}

	private PracticeUser find(String userId) {
		return this.users.byUserId(userId).orElseThrow(UserNotFoundException::new);
	}

	/**
	 * A page of the users a search matches.
	 *
	 * @param items the page's users
	 * @param page the page's number, from 0
	 * @param size the most users a page holds
	 * @param total how many users the search matches
	 */
	record Matches(List<AccountStatus> items, int page, int size, long total) {
	}

}
