package io.carefin.reporting.security;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.auth.PasswordChanged;
import io.carefin.contracts.auth.SignInEvent;
import io.carefin.contracts.auth.SignInFailed;
import io.carefin.contracts.auth.SignInSucceeded;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.contracts.auth.UserReactivated;
import io.carefin.contracts.auth.UserSuspended;
import io.carefin.contracts.auth.UserUnlocked;
import io.carefin.reporting.businessday.BusinessDays;
import io.carefin.starter.messaging.Inbox;

/**
 * Applies each sign-in outcome and each lock or suspension once to its practice's day.
 */
@Component
class SecurityEventsListener {

	static final String SIGN_INS = "reporting-sign-ins";

	static final String USERS = "reporting-users";

	private final Inbox inbox;

	private final JdbcClient jdbc;

	private final BusinessDays businessDays;

	SecurityEventsListener(Inbox inbox, JdbcClient jdbc, BusinessDays businessDays) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.businessDays = businessDays;
	}

	@KafkaListener(id = SIGN_INS, idIsGroup = false, topics = SignInEvent.TOPIC)
	@Transactional
	void on(SignInEvent event) {
		this.inbox.receive(event, () -> {
			switch (event) {
				case SignInSucceeded succeeded -> add(succeeded.practiceId(), event, "sign_ins_succeeded");
				case SignInFailed failed -> add(failed.practiceId(), event,
						"SECOND_FACTOR".equals(failed.step()) ? "second_factor_failures" : "sign_ins_failed");
			}
		});
	}

	@KafkaListener(id = USERS, idIsGroup = false, topics = UserEvent.TOPIC)
	@Transactional
	void on(UserEvent event) {
		this.inbox.receive(event, () -> {
			switch (event) {
				case UserLocked locked -> {
					add(locked.practiceId(), event, "lockouts");
					if (locked.permanent()) {
						add(locked.practiceId(), event, "permanent_locks");
					}
				}
				case UserSuspended suspended -> add(suspended.practiceId(), event, "suspensions");
				case UserUnlocked unlocked -> {
				}
				case UserReactivated reactivated -> {
				}
				case PasswordChanged changed -> {
				}
			}
		});
	}

	private void add(@Nullable UUID practiceId, DomainEvent event, String column) {
		LocalDate day = this.businessDays.of(practiceId, event.occurredAt());
		// the column is one of this class's constants, never input
		this.jdbc.sql("""
				INSERT INTO daily_security (practice_id, business_day, %1$s) VALUES (:practiceId, :day, 1)
				ON CONFLICT (practice_id, business_day) DO UPDATE SET %1$s = daily_security.%1$s + 1
				""".formatted(column)).param("practiceId", practiceId).param("day", day).update();
	}

}
