package io.carefin.notification;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import io.carefin.contracts.auth.UserEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.EmbeddedPostgres;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ProxiedPostgres;
import io.carefin.testsupport.TcpProxy;
import io.carefin.testsupport.TestIssuer;

import static io.carefin.notification.NotificationFixtures.email;
import static io.carefin.notification.NotificationFixtures.passwordChanged;
import static io.carefin.notification.NotificationFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 24: notification-service's own database unreachable while events keep coming.
 * <p>
 * Protects against the service's error handler treating a database outage as a failed
 * delivery: each record read during the outage would use up its delivery attempts, have
 * its delivery marked failed and be parked, and the patient or user would never get the
 * message. The handler must hold such a record until the database is back, say so on
 * {@code carefin.messaging.retries{cause=unavailable}}, and then send each message once.
 * To see it fail, remove the {@code HoldWhileUnavailable.apply} line from
 * {@code KafkaConfiguration.kafkaErrorHandler}.
 * <p>
 * The test providers allow 10 delivery attempts backing off up to 1 s; with a connection
 * timeout of 250 ms those are used up in about 8 s, so an outage of 12 s parks records
 * without the hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ContextConfiguration(initializers = { ProxiedPostgres.Initializer.class, EmbeddedKafka.Initializer.class,
		TestIssuer.Initializer.class })
@TestPropertySource(properties = { "spring.datasource.hikari.connection-timeout=250",
		"spring.datasource.hikari.validation-timeout=250", "carefin.messaging.initial-backoff=100ms",
		"carefin.messaging.max-backoff=400ms" })
class DatabaseOutageIntegrationTests {

	private static final Duration OUTAGE = Duration.ofSeconds(12);

	/**
	 * The same database as the service's, but not through the proxy.
	 */
	final JdbcClient direct = JdbcClient
		.create(new DriverManagerDataSource(EmbeddedPostgres.jdbcUrl(), "postgres", "postgres"));

	@Autowired
	MeterRegistry meters;

	@Autowired
	@Qualifier(ProxiedPostgres.BEAN)
	TcpProxy database;

	@Test
	void holdsTheEventsThatArriveWhileItsDatabaseIsDownAndSendsEachMessageOnceWhenItIsBack()
			throws InterruptedException {
		double retriedBefore = retriedWhileUnavailable();

		this.database.cut();
		Map<UUID, String> recipients = new HashMap<>();
		long outageEnds = System.nanoTime() + OUTAGE.toNanos();
		while (System.nanoTime() < outageEnds) {
			String email = email();
			recipients.put(publish(passwordChanged(email)).eventId(), email);
			Thread.sleep(1_000);
		}
		this.database.restore();

		recipients.forEach((eventId, email) -> await().atMost(Duration.ofSeconds(30))
			.alias("the message of event " + eventId + " sent")
			.until(() -> "SENT".equals(status(eventId))));
		recipients.values()
			.forEach((email) -> assertThat(TestProviders.mailsTo(email)).as("mails to %s", email).hasSize(1));
		assertThat(KafkaTestClient.readFor(UserEvent.TOPIC + ".DLT", Duration.ofSeconds(2)))
			.as("nothing read during the outage was parked")
			.noneMatch((record) -> recipients.keySet()
				.stream()
				.anyMatch((eventId) -> record.value().contains(eventId.toString())));
		assertThat(retriedWhileUnavailable()).as("the consumers said they were waiting for the database")
			.isGreaterThan(retriedBefore);
	}

	private double retriedWhileUnavailable() {
		return this.meters.find("carefin.messaging.retries")
			.tags("cause", "unavailable")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private String status(UUID eventId) {
		return this.direct.sql("SELECT status FROM delivery WHERE source_event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

}
