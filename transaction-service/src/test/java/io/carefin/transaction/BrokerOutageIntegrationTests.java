package io.carefin.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import io.carefin.contracts.transaction.PurchaseEvent;
import io.carefin.testsupport.EmbeddedPostgres;
import io.carefin.testsupport.MovableClock;
import io.carefin.testsupport.ProxiedKafka;
import io.carefin.testsupport.TestIssuer;
import io.carefin.transaction.TransactionFixtures.Response;
import io.carefin.transaction.creditline.OpenedCreditLine;

import static io.carefin.transaction.TransactionFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 24, scenario 3: the Kafka broker unreachable while practices keep charging
 * purchases.
 * <p>
 * Protects against two failures. A request thread that waits on the Kafka producer: a
 * producer that has no metadata for a topic blocks its caller for {@code max.block.ms}
 * (60 s) when the broker cannot be reached, so a purchase answered on that thread would
 * keep the practice waiting a minute for an answer about a charge already committed. And
 * an event lost or sent twice: a purchase committed during the outage must wait in the
 * outbox ({@code event_publication}, unsent) and reach its topic exactly once when the
 * broker is back, without a restart.
 * <p>
 * What protects the request thread is Spring Modulith: it sends a committed event from an
 * {@code @Async} listener ({@code EventExternalizationSupport}, {@code @Async} enabled by
 * its {@code AsyncEnablingConfiguration}), never on the committing thread. To see this
 * test fail, run the externalization on the caller's thread: add to its context a bean
 * named {@code taskExecutor} that is a {@code SyncTaskExecutor}; the first purchase then
 * takes about 64 s (tried on 2026-12-07).
 * <p>
 * The outage lasts 6 s rather than a minute: the request thread is never the one waiting,
 * whatever the outage's length, and the producer holds what it could not send for its
 * delivery timeout (two minutes) before the outbox's resubmission takes over, so a
 * shorter outage exercises the same path. The purchases are the first events this service
 * sends to {@value PurchaseEvent#TOPIC}, so its producer has no metadata for the topic
 * when the broker goes away: the case that blocks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ContextConfiguration(initializers = { EmbeddedPostgres.Initializer.class, ProxiedKafka.Initializer.class,
		TestIssuer.Initializer.class })
@Import({ MovableClock.Configuration.class, TransactionFixtures.class })
class BrokerOutageIntegrationTests {

	private static final String PURCHASES = "/api/transactions/purchases";

	/**
	 * How long a purchase may take to be answered while the broker is away: well under
	 * the producer's {@code max.block.ms} (60 s), and generous for a busy test machine.
	 */
	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProxiedKafka kafka;

	@AfterEach
	void restore() {
		this.kafka.proxy().restore();
	}

	@Test
	void answersPurchasesPromptlyWhileTheBrokerIsDownAndSendsEachEventOnceItIsBack() throws InterruptedException {
		UUID practice = this.fixtures.practice("DEFERRED_12");
		OpenedCreditLine line = this.fixtures.creditLine(practice, "9000.00");
		String clerk = this.fixtures.clerk(practice);

		this.kafka.proxy().cut();
		long outageEnds = System.nanoTime() + Duration.ofSeconds(6).toNanos();
		List<String> purchases = new ArrayList<>();
		while (System.nanoTime() < outageEnds || purchases.size() < 3) {
			long started = System.nanoTime();
			Response approved = this.fixtures.postOnce(PURCHASES, clerk,
					purchase(line.accountId(), "250.00", "DEFERRED_12"));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(approved.status()).as(approved.body()).isEqualTo(201);
			assertThat(approved.text("status")).isEqualTo("APPROVED");
			assertThat(took).as("answered while the broker is down").isLessThan(PROMPTLY);
			purchases.add(approved.text("purchaseId"));
			Thread.sleep(500);
		}
		// each purchase's event waits in the outbox
		for (String purchaseId : purchases) {
			assertThat(publications(purchaseId, "completion_date IS NULL")).as("unsent event of %s", purchaseId)
				.isOne();
		}

		this.kafka.proxy().restore();

		for (String purchaseId : purchases) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.alias("event of " + purchaseId + " sent")
				.until(() -> publications(purchaseId, "completion_date IS NOT NULL") == 1);
		}
		List<ConsumerRecord<String, String>> sent = this.kafka.readFor(PurchaseEvent.TOPIC, Duration.ofSeconds(5));
		for (String purchaseId : purchases) {
			assertThat(sent).as("PurchaseApproved of %s on %s", purchaseId, PurchaseEvent.TOPIC)
				.filteredOn((record) -> record.value().contains(purchaseId)
						&& record.value().contains("\"type\":\"PurchaseApproved\""))
				.hasSize(1);
		}
	}

	private int publications(String purchaseId, String condition) {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id"
				+ " AND event_type LIKE '%.PurchaseApproved' AND listener_id LIKE '%Externalizer%' AND " + condition)
			.param("id", "%" + purchaseId + "%")
			.query(Integer.class)
			.single();
	}

}
