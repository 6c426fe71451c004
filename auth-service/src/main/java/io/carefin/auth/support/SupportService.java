package io.carefin.auth.support;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.UserStatus;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.UserReactivated;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.UserUnlocked;

/**
 * Support's changes to a practice user's account, each announced on {@code auth.users} so
 * that the user is told.
 */
@Service
class SupportService {

	private final Users users;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	SupportService(Users users, Sessions sessions, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	AccountStatus status(String userId) {
		return AccountStatus.of(find(userId), this.clock.instant());
	}

	@Transactional
	AccountStatus unlock(String userId, @Nullable String reason) {
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
	AccountStatus suspend(String userId, SuspensionReason reason) {
		PracticeUser user = find(userId);
		Instant now = this.clock.instant();
		if (user.status() != UserStatus.SUSPENDED) {
			this.users.suspend(user.id(), reason.name());
			this.sessions.endAll(user.id(), "SUSPENDED");
			this.events.publishEvent(new UserSuspended(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email(), reason.name()));
			this.audit.record(AuditAction.SUSPEND, reason.name(), user.id(), user.practiceId());
		}
		return status(userId);
	}

	@Transactional
	AccountStatus reactivate(String userId) {
		PracticeUser user = find(userId);
		if (user.status() == UserStatus.SUSPENDED) {
			this.users.reactivate(user.id());
			this.events.publishEvent(new UserReactivated(UUID.randomUUID(), this.clock.instant(), user.id(),
					user.practiceId(), user.practiceName(), user.email()));
			this.audit.record(AuditAction.REACTIVATE, "SUCCEEDED", user.id(), user.practiceId());
		}
		return status(userId);
	}

	private PracticeUser find(String userId) {
		return this.users.byUserId(userId).orElseThrow(UserNotFoundException::new);
	}

}
