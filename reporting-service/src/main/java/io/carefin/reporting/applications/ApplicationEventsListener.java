package io.carefin.reporting.applications;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationDeclined;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.ApplicationPendingReview;
import io.carefin.reporting.businessday.BusinessDays;
import io.carefin.starter.messaging.Inbox;

/**
 * Applies each application decision once to the funnel of the business day the
 * application was submitted: the engine's decision counts it as submitted and approved,
 * declined or pending; a reviewed decision moves it from pending to approved or declined
 * on that same day. An approval on the account the patient already holds (another
 * practice's application, {@code existingAccount}) is that practice's own application and
 * counts in its funnel like any other; the practice that opened the account counted its
 * own application when it was decided.
 */
@Component
class ApplicationEventsListener {

	static final String ID = "reporting-applications";

	private final Inbox inbox;

	private final JdbcClient jdbc;

	private final BusinessDays businessDays;

	ApplicationEventsListener(Inbox inbox, JdbcClient jdbc, BusinessDays businessDays) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.businessDays = businessDays;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = ApplicationEvent.TOPIC)
	@Transactional
	void on(ApplicationEvent event) {
		this.inbox.receive(event, () -> apply(event));
	}

	private void apply(ApplicationEvent event) {
		LocalDate day = this.businessDays.of(event.practiceId(), event.submittedAt());
		int submitted = event.reviewed() ? 0 : 1;
		int leftPending = event.reviewed() ? -1 : 0;
		switch (event) {
			case ApplicationApproved approved -> funnel(event, day, submitted, 1, 0, leftPending);
			case ApplicationDeclined declined -> {
				funnel(event, day, submitted, 0, 1, leftPending);
				declineReasons(event, day, declined.reasons());
			}
			case ApplicationPendingReview pending -> funnel(event, day, 1, 0, 0, 1);
		}
	}

	private void funnel(ApplicationEvent event, LocalDate day, int submitted, int approved, int declined, int pending) {
		this.jdbc.sql("""
				INSERT INTO daily_applications (practice_id, business_day, keyed_by, submitted, approved, declined,
				                                pending)
				VALUES (:practiceId, :day, :keyedBy, :submitted, :approved, :declined, :pending)
				ON CONFLICT (practice_id, business_day, keyed_by) DO UPDATE
				SET submitted = daily_applications.submitted + excluded.submitted,
				    approved = daily_applications.approved + excluded.approved,
				    declined = daily_applications.declined + excluded.declined,
				    pending = daily_applications.pending + excluded.pending
				""")
			.param("practiceId", event.practiceId())
			.param("day", day)
			.param("keyedBy", event.keyedBy())
			.param("submitted", submitted)
			.param("approved", approved)
			.param("declined", declined)
			.param("pending", pending)
			.update();
	}

	private void declineReasons(ApplicationEvent event, LocalDate day, List<String> reasons) {
		for (String reason : reasons.stream().distinct().toList()) {
			this.jdbc.sql("""
					INSERT INTO daily_decline_reasons (practice_id, business_day, reason, declined)
					VALUES (:practiceId, :day, :reason, 1)
					ON CONFLICT (practice_id, business_day, reason) DO UPDATE
					SET declined = daily_decline_reasons.declined + 1
					""").param("practiceId", event.practiceId()).param("day", day).param("reason", reason).update();
		}
	}

}
