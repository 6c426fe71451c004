package io.carefin.starter.observability;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.carefin.testsupport.EmbeddedPostgres;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxMetricsTests {

	private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

	private static JdbcClient jdbc;

	private final MovableClock clock = new MovableClock(NOW);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeAll
	static void createTheOutbox() {
		DriverManagerDataSource database = new DriverManagerDataSource(EmbeddedPostgres.jdbcUrl(), "postgres",
				"postgres");
		database.setDriverClassName("org.postgresql.Driver");
		jdbc = JdbcClient.create(database);
		jdbc.sql("""
				CREATE TABLE IF NOT EXISTS event_publication (
				    id UUID NOT NULL PRIMARY KEY, listener_id TEXT NOT NULL, event_type TEXT NOT NULL,
				    serialized_event TEXT NOT NULL, publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
				    completion_date TIMESTAMP WITH TIME ZONE)
				""").update();
	}

	@Test
	void reportsHowManyEventsWaitAndHowLongTheOldestHasWaited() {
		jdbc.sql("DELETE FROM event_publication").update();
		publication(NOW.minusSeconds(90), null);
		publication(NOW.minusSeconds(30), null);
		publication(NOW.minusSeconds(600), NOW.minusSeconds(599));
		new OutboxMetrics(jdbc, this.clock).bindTo(this.meters);

		assertThat(this.meters.get("carefin.outbox.backlog").gauge().value()).isEqualTo(2);
		assertThat(this.meters.get("carefin.outbox.oldest-age").gauge().value()).isEqualTo(90);
	}

	@Test
	void readsTheTableAtMostOncePerRefreshAndThenSeesItEmptied() {
		jdbc.sql("DELETE FROM event_publication").update();
		publication(NOW.minusSeconds(10), null);
		new OutboxMetrics(jdbc, this.clock).bindTo(this.meters);
		assertThat(this.meters.get("carefin.outbox.backlog").gauge().value()).isEqualTo(1);

		jdbc.sql("UPDATE event_publication SET completion_date = :now")
			.param("now", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
			.update();
		assertThat(this.meters.get("carefin.outbox.backlog").gauge().value()).as("within the refresh").isEqualTo(1);

		this.clock.advance(OutboxMetrics.REFRESH);
		assertThat(this.meters.get("carefin.outbox.backlog").gauge().value()).isZero();
		assertThat(this.meters.get("carefin.outbox.oldest-age").gauge().value()).isZero();
	}

	@Test
	void readsNotANumberWhileTheDatabaseCannotAnswer() {
		DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "x",
				"x");
		new OutboxMetrics(JdbcClient.create(unreachable), this.clock).bindTo(this.meters);

		assertThat(this.meters.get("carefin.outbox.backlog").gauge().value()).isNaN();
	}

	private static void publication(Instant published, Instant completed) {
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				                               completion_date)
				VALUES (:id, 'kafka', 'PurchaseApproved', '{}', :published, :completed)
				""")
			.param("id", UUID.randomUUID())
			.param("published", OffsetDateTime.ofInstant(published, ZoneOffset.UTC))
			.param("completed", (completed != null) ? OffsetDateTime.ofInstant(completed, ZoneOffset.UTC) : null)
			.update();
	}

}
