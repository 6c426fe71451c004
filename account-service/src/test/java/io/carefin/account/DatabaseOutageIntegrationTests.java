package io.carefin.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

import io.carefin.account.AccountFixtures.Opened;
import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.EmbeddedPostgres;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.ProxiedPostgres;
import io.carefin.testsupport.TcpProxy;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 24, scenario 2: account-service's database unreachable while
 * transaction-service's purchases keep arriving.
 * <p>
 * Protects against consumers that, while their database is down, fail every record they
 * read, retry it a few times and park it on the dead-letter topic: the purchases would
 * then be missing from the ledgers until someone replayed them by hand. The starter's
 * error handler must hold a record that failed because the database was unreachable,
 * retry it with capped back-off for as long as the outage lasts, say so on
 * {@code carefin.messaging.retries{cause=unavailable}}, and then apply every event once.
 * To see it fail, make {@code MessagingAutoConfiguration.kafkaErrorHandler} return the
 * bounded back-off for every failure (remove its {@code setBackOffFunction} line).
 * <p>
 * The outage lasts about 8 s instead of a minute. What parks a record is the bounded
 * budget, {@code carefin.messaging.retries} (3) attempts each waiting up to the pool's
 * connection timeout plus a back-off; any outage longer than that budget parks records
 * without the fix. This test shrinks the budget to under 6 s (a 1 s connection timeout,
 * back-off of at most 400 ms) so an 8 s outage exceeds it, as a minute exceeds the
 * production budget of about two minutes only just, and a longer outage by far.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ContextConfiguration(initializers = { ProxiedPostgres.Initializer.class, EmbeddedKafka.Initializer.class,
		TestIssuer.Initializer.class })
@TestPropertySource(properties = { "spring.datasource.hikari.connection-timeout=1000",
		"spring.datasource.hikari.validation-timeout=500", "carefin.messaging.initial-backoff=100ms",
		"carefin.messaging.max-backoff=400ms" })
class DatabaseOutageIntegrationTests {

	private static final Duration OUTAGE = Duration.ofSeconds(8);

	private static final LocalDate BIRTH = LocalDate.of(1979, 11, 2);

	@Autowired
	JdbcClient jdbc;

	/**
	 * The same database as the service's, but not through the proxy: what the test checks
	 * does not depend on how soon the service's pool recovers.
	 */
	final JdbcClient direct = JdbcClient
		.create(new DriverManagerDataSource(EmbeddedPostgres.jdbcUrl(), "postgres", "postgres"));

	@Autowired
	MeterRegistry meters;

	@Autowired
	@Qualifier(ProxiedPostgres.BEAN)
	TcpProxy database;

	@Test
	void holdsThePurchasesThatArriveWhileItsDatabaseIsDownAndAppliesEachOnceWhenItIsBack() throws InterruptedException {
		UUID practice = UUID.randomUUID();
		// accounts on different keys, so that several partitions, and consumers, wait
		List<Opened> accounts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			accounts.add(AccountFixtures.open(this.jdbc, practice, "Outage", BIRTH));
		}
		double retriedBefore = retriedWhileUnavailable();

		this.database.cut();
		long outageEnds = System.nanoTime() + OUTAGE.toNanos();
		Map<UUID, UUID> accountOfEvent = new HashMap<>();
		Map<UUID, BigDecimal> expected = new HashMap<>();
		int sent = 0;
		while (System.nanoTime() < outageEnds) {
			Opened account = accounts.get(sent % accounts.size());
			UUID eventId = UUID.randomUUID();
			BigDecimal amount = new BigDecimal(100 + sent).setScale(2);
			AccountFixtures.sendPurchase(eventId, account.accountId(), practice, amount.toPlainString(),
					AccountFixtures.DEFERRED_12);
			accountOfEvent.put(eventId, account.accountId());
			expected.merge(account.accountId(), amount, BigDecimal::add);
			sent++;
			Thread.sleep(500);
		}
		this.database.restore();

		for (UUID eventId : accountOfEvent.keySet()) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.alias("event " + eventId + " applied")
				.until(() -> timesProcessed(eventId) == 1);
		}
		for (Opened account : accounts) {
			assertThat(AccountFixtures.balance(this.direct, account.accountId()))
				.as("each purchase posted once to account %s", account.accountId())
				.isEqualByComparingTo(expected.get(account.accountId()));
		}
		accountOfEvent.keySet().forEach((eventId) -> assertThat(ledgerEntries(eventId)).isOne());
		assertThat(KafkaTestClient.readFor(PurchaseEvent.TOPIC + ".DLT", Duration.ofSeconds(2)))
			.as("nothing read during the outage was parked")
			.noneMatch((record) -> accountOfEvent.keySet()
				.stream()
				.anyMatch((eventId) -> record.value().contains(eventId.toString())));
		assertThat(retriedWhileUnavailable()).as("the consumers said they were waiting for the database")
			.isGreaterThan(retriedBefore);
	}

	@Test
	void stillParksARecordThatFailsForAnotherReasonAfterBoundedRetries() {
		// an account that was never opened: not an outage, so the bounded retries apply
		UUID unknownAccount = UUID.randomUUID();
		AccountFixtures.sendPurchase(UUID.randomUUID(), unknownAccount, UUID.randomUUID(), "10.00",
				AccountFixtures.DEFERRED_12);

		KafkaTestClient.awaitRecord(PurchaseEvent.TOPIC + ".DLT",
				(record) -> unknownAccount.toString().equals(record.key()), Duration.ofSeconds(30));
	}

	private double retriedWhileUnavailable() {
		return this.meters.find("carefin.messaging.retries")
			.tags("topic", PurchaseEvent.TOPIC, "cause", "unavailable")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private int timesProcessed(UUID eventId) {
		return this.direct.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

	private int ledgerEntries(UUID eventId) {
		return this.direct.sql("SELECT count(*) FROM ledger_entry WHERE source_event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single();
	}

}
