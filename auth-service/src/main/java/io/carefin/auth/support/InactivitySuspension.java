package io.carefin.auth.support;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * and support can reactivate them. Running it twice suspends no one twice, and replicas
 * running it at once take turns under one database lock, as signing-key rotation does.
 */
@Component
@EnableConfigurationProperties(InactivityProperties.class)
class InactivitySuspension {

	private static final long RUN_LOCK = 0x4964_6c65_5573L;

	private final Users users;

	private final Sessions sessions;

	private final ApplicationEventPublisher events;

	private final InactivityProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	InactivitySuspension(Users users, Sessions sessions, ApplicationEventPublisher events,
			InactivityProperties properties, AuditTrail audit, Clock clock, JdbcClient jdbc) {
		this.users = users;
		this.sessions = sessions;
		this.events = events;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${carefin.auth.inactivity.cron:0 15 3 * * *}", zone = "UTC")
	@Transactional
	void suspendIdleUsers() {
		// Held until commit, so a replica that waited reads the users already suspended.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", RUN_LOCK).query().singleRow();
		Instant now = this.clock.instant();
		for (PracticeUser user : this.users.idleSince(now.minus(this.properties.suspendAfter()))) {
			this.users.suspend(user.id(), SuspensionReason.INACTIVITY.name());
			this.sessions.endAll(user.id(), "SUSPENDED");
			this.events.publishEvent(new UserSuspended(UUID.randomUUID(), now, user.id(), user.practiceId(),
					user.practiceName(), user.email(), SuspensionReason.INACTIVITY.name()));
			this.audit.record(AuditAction.SUSPEND, SuspensionReason.INACTIVITY.name(), user.id(), user.practiceId());
		}
	}

}
