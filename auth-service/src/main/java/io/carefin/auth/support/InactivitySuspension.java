package io.carefin.auth.support;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.PracticeUser;
import io.carefin.auth.user.Users;
import io.carefin.contracts.auth.UserSuspended;

/**
 * Suspends practice users who have not signed in for 90 days, once a day; each is told,
 * and support can reactivate them. Running it twice suspends no one twice.
 */
@Component
@EnableConfigurationProperties(InactivityProperties.class)
class InactivitySuspension {

	private final Users users;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final InactivityProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	InactivitySuspension(Users users, Sessions sessions, ApplicationEventPublisher events,
			InactivityProperties properties, AuditTrail audit, Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.events = events;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(cron = "${carefin.auth.inactivity.cron:0 15 3 * * *}", zone = "UTC")
	@Transactional
	void suspendIdleUsers() {
		Instant now = this.clock.instant();
		for (PracticeUser user : this.users.idleSince(now.minus(this.properties.suspendAfter()))) {
			this.users.suspend(user.id(), SuspensionReason.INACTIVITY.name());
			this.sessions.endAll(user.id());
			this.events.publishEvent(new UserSuspended(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email(), SuspensionReason.INACTIVITY.name()));
			this.audit.record(AuditAction.SUSPEND, SuspensionReason.INACTIVITY.name(), user.id(), user.practiceId());
		}
	}

}
