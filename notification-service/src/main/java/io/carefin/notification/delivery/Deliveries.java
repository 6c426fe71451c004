package io.carefin.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.carefin.contracts.DomainEvent;
import io.carefin.notification.message.Channel;
import io.carefin.notification.message.Message;
import io.carefin.notification.message.Recipients;

/**
 * The delivery log: one row per message an event asks for, with its masked recipient,
 * status and attempts; never the message or a secret.
 */
@Repository
class Deliveries {

	private static final String ACCESS = "ACCESS";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DeliveryProperties properties;

	Deliveries(JdbcClient jdbc, Clock clock, DeliveryProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Decides, under a row lock, whether this consumer sends the message now, and records
	 * the attempt before it is made.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Claim claim(DomainEvent event, Message message) {
		OffsetDateTime now = now();
		Optional<Row> existing = this.jdbc.sql("""
				SELECT id, status, attempts, last_attempt_at FROM delivery
				WHERE source_event_id = :eventId AND template = :template FOR UPDATE
				""")
			.param("eventId", event.eventId())
			.param("template", message.template())
			.query(Row.class)
			.optional();
		if (existing.isPresent()) {
			return claimAgain(existing.get(), now);
		}
		String recipientHash = Recipients.digest(message.channel(), message.destination());
		boolean capped = message.accessCapped() && overCap(message.channel(), recipientHash, now);
		UUID id = UUID.randomUUID();
		int inserted = this.jdbc.sql("""
				INSERT INTO delivery (id, source_event_id, template, recipient_user_id, status, attempts, created_at,
				                      channel, recipient_masked, recipient_hash, cap_group, event_occurred_at,
				                      last_attempt_at)
				VALUES (:id, :eventId, :template, :userId, :status, :attempts, :now, :channel, :masked, :hash,
				        :capGroup, :occurredAt, :lastAttemptAt)
				ON CONFLICT (source_event_id, template) DO NOTHING
				""")
			.param("id", id)
			.param("eventId", event.eventId())
			.param("template", message.template())
			.param("userId", message.recipientUserId())
			.param("status", (capped ? DeliveryStatus.CAPPED : DeliveryStatus.SENDING).name())
			.param("attempts", capped ? 0 : 1)
			.param("now", now)
			.param("channel", message.channel().name())
			.param("masked", message.maskedDestination())
			.param("hash", recipientHash)
			.param("capGroup", message.accessCapped() ? ACCESS : null)
			.param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
			.param("lastAttemptAt", capped ? null : now)
			.update();
		if (inserted == 0) {
			return new Claim.InFlight(id);
		}
		return capped ? new Claim.Capped(id) : new Claim.Send(id, 1);
	}

	private Claim claimAgain(Row row, OffsetDateTime now) {
		DeliveryStatus status = DeliveryStatus.valueOf(row.status());
		if (status == DeliveryStatus.SENT || status == DeliveryStatus.CAPPED) {
			return new Claim.Done();
		}
		if (status == DeliveryStatus.SENDING && row.lastAttemptAt() != null
				&& row.lastAttemptAt().isAfter(now.minus(this.properties.inFlightTimeout()))) {
			return new Claim.InFlight(row.id());
		}
		this.jdbc.sql("""
				UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, last_attempt_at = :now WHERE id = :id
				""").param("now", now).param("id", row.id()).update();
		return new Claim.Send(row.id(), row.attempts() + 1);
	}

	private boolean overCap(Channel channel, String recipientHash, OffsetDateTime now) {
		// One recipient's access messages are counted one transaction at a time.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:hash, 0))")
			.param("hash", recipientHash)
			.query((rs, i) -> 1)
			.list();
		int recent = this.jdbc.sql("""
				SELECT count(*) FROM delivery
				WHERE recipient_hash = :hash AND channel = :channel AND cap_group = :capGroup
				  AND status <> 'CAPPED' AND created_at > :since
				""")
			.param("hash", recipientHash)
			.param("channel", channel.name())
			.param("capGroup", ACCESS)
			.param("since", now.minus(this.properties.capWindow()))
			.query(Integer.class)
			.single();
		int cap = (channel == Channel.SMS) ? this.properties.smsPerHour() : this.properties.emailsPerHour();
		return recent >= cap;
	}

	void sent(UUID deliveryId, String providerId, Instant acceptedAt) {
		this.jdbc.sql("""
				UPDATE delivery SET status = 'SENT', provider_id = :providerId, sent_at = :sentAt, last_error = NULL
				WHERE id = :id
				""")
			.param("providerId", providerId)
			.param("sentAt", OffsetDateTime.ofInstant(acceptedAt, ZoneOffset.UTC))
			.param("id", deliveryId)
			.update();
	}

	void attemptFailed(UUID deliveryId, String reason) {
		this.jdbc.sql("UPDATE delivery SET status = 'RETRYING', last_error = :reason WHERE id = :id")
			.param("reason", reason)
			.param("id", deliveryId)
			.update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Optional<DeliveryEntry> failed(UUID deliveryId) {
		this.jdbc.sql("UPDATE delivery SET status = 'FAILED' WHERE id = :id AND status <> 'SENT'")
			.param("id", deliveryId)
			.update();
		return find(deliveryId);
	}

	Optional<DeliveryEntry> find(UUID deliveryId) {
		return this.jdbc.sql(SELECT_ENTRY + " WHERE id = :id")
			.param("id", deliveryId)
			.query(DeliveryEntry.class)
			.optional();
	}

	List<DeliveryEntry> search(DeliverySearch search) {
		StringBuilder sql = new StringBuilder(SELECT_ENTRY).append(" WHERE true");
		if (search.status() != null) {
			sql.append(" AND status = :status");
		}
		if (search.template() != null) {
			sql.append(" AND template = :template");
		}
		if (search.channel() != null) {
			sql.append(" AND channel = :channel");
		}
		if (search.sourceEventId() != null) {
			sql.append(" AND source_event_id = :sourceEventId");
		}
		sql.append(" ORDER BY created_at DESC, id LIMIT :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("limit", search.limit());
		if (search.status() != null) {
			statement = statement.param("status", search.status().name());
		}
		if (search.template() != null) {
			statement = statement.param("template", search.template());
		}
		if (search.channel() != null) {
			statement = statement.param("channel", search.channel().name());
		}
		if (search.sourceEventId() != null) {
			statement = statement.param("sourceEventId", search.sourceEventId());
		}
		return statement.query(DeliveryEntry.class).list();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC));
	}

	private static final String SELECT_ENTRY = """
			SELECT id, source_event_id, template, channel, recipient_masked AS recipient, status, attempts,
			       event_occurred_at, created_at, last_attempt_at, sent_at, provider_id, last_error
			FROM delivery""";

	record Row(UUID id, String status, int attempts, @Nullable OffsetDateTime lastAttemptAt) {
	}

}
