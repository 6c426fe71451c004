package io.carefin.notification.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery log.
 */
@Repository
class Deliveries {

	private final JdbcClient jdbc;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void queue(UUID sourceEventId, String template, UUID recipientUserId) {
		this.jdbc.sql("""
				INSERT INTO delivery (id, source_event_id, template, recipient_user_id, status, created_at)
				VALUES (:id, :sourceEventId, :template, :recipientUserId, 'QUEUED', :createdAt)
				""")
			.param("id", UUID.randomUUID())
			.param("sourceEventId", sourceEventId)
			.param("template", template)
			.param("recipientUserId", recipientUserId)
			.param("createdAt", OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
			.update();
	}

}
