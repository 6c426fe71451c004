package io.carefin.notification;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.notification.DeliveryFailed;
import io.carefin.testsupport.InboxContract;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.OutboxContract;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class NotificationServiceIntegrationTests implements TrustContract, OutboxContract, InboxContract {

	@Autowired
	JdbcClient jdbc;

	@Override
	public String protectedPath() {
		return "/api/notifications/" + UUID.randomUUID() + "/wiring-check";
	}

	@Override
	public DomainEvent newEvent() {
		return new DeliveryFailed(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "SMS",
				"account-locked", 5);
	}

	@Override
	public String topic() {
		return UserEvent.TOPIC;
	}

	@Override
	public String eventJson(UUID eventId) {
		return userLockedJson(eventId, "\"2026-11-23T14:35:00Z\"");
	}

	@Override
	public int timesApplied(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version IN ('1', '2')")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void sendsThePermanentLockNoticeWhenOnlySupportCanUnlock() {
		UUID event = UUID.randomUUID();
		KafkaTestClient.send(UserEvent.TOPIC, UUID.randomUUID().toString(), userLockedJson(event, "null"));

		await().until(() -> timesApplied(event) == 1 && "account-locked-permanently SENT"
			.equals(this.jdbc.sql("SELECT template || ' ' || status FROM delivery WHERE source_event_id = :id")
				.param("id", event)
				.query(String.class)
				.single()));
		assertThat(TestProviders.mailsTo("locked-" + event + "@example.test")).singleElement()
			.satisfies((mail) -> assertThat(mail.getSubject()).contains("until support unlocks it"));
	}

	private static String userLockedJson(UUID eventId, String lockedUntil) {
		return """
				{"type":"UserLocked","eventId":"%s","occurredAt":"2026-11-23T14:05:00Z","userId":"%s",
				 "practiceId":"%s","practiceName":"Lakeside Family Clinic","email":"locked-%s@example.test",
				 "lockedUntil":%s}
				""".formatted(eventId, UUID.randomUUID(), UUID.randomUUID(), eventId, lockedUntil);
	}

}
