package io.carefin.starter.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports the outbox's backlog: how many events wait to be sent
 * ({@code carefin.outbox.backlog}) and how long the oldest has waited
 * ({@code carefin.outbox.oldest-age}, seconds). Both grow while the broker is down and
 * fall back to zero once it returns; an outbox that only grows is the alert.
 * <p>
 * One query answers both, at most once per {@link #REFRESH} however often the meters are
 * read; while the database cannot answer, both read NaN rather than a stale zero.
 */
class OutboxMetrics implements MeterBinder {

	static final Duration REFRESH = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(OutboxMetrics.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private @Nullable Instant readAt;

	private Snapshot snapshot = Snapshot.UNKNOWN;

	OutboxMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder("carefin.outbox.backlog", this, (outbox) -> outbox.read().backlog())
			.description("Events written to the outbox and not yet sent to Kafka")
			.strongReference(true)
			.register(meters);
		Gauge.builder("carefin.outbox.oldest-age", this, (outbox) -> outbox.read().oldestAgeSeconds())
			.description("How long the oldest unsent event has waited in the outbox")
			.baseUnit("seconds")
			.strongReference(true)
			.register(meters);
	}

	synchronized Snapshot read() {
		Instant now = this.clock.instant();
		if (this.readAt == null || !now.isBefore(this.readAt.plus(REFRESH))) {
			this.snapshot = query(now);
			this.readAt = now;
		}
		return this.snapshot;
	}

	private Snapshot query(Instant now) {
		try {
			return this.jdbc.sql("""
					SELECT count(*) AS backlog, min(publication_date) AS oldest
					FROM event_publication WHERE completion_date IS NULL
					""").query((rs, i) -> {
				OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
				double age = (oldest != null)
						? Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0) : 0;
				return new Snapshot(rs.getLong("backlog"), age);
			}).single();
		}
		catch (DataAccessException ex) {
			logger.debug("Cannot read the outbox's backlog", ex);
			return Snapshot.UNKNOWN;
		}
	}

	record Snapshot(double backlog, double oldestAgeSeconds) {

		static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN);

	}

}
