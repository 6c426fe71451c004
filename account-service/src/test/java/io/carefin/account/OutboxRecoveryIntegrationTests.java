package io.carefin.account;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PaymentPosted;
import io.carefin.testsupport.EmbeddedKafka;
import io.carefin.testsupport.EmbeddedPostgres;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event committed while Kafka is unreachable is not lost: the service sends it once
 * the broker is back, while it runs or when it starts again, and forgets it only once
 * sent.
 */
class OutboxRecoveryIntegrationTests {

	@Test
	void sendsAnEventCommittedDuringABrokerOutageOnceTheBrokerIsBackWithoutARestart() throws IOException {
		PaymentPosted payment = payment();
		try (BrokerLink link = new BrokerLink(EmbeddedKafka.bootstrapServers());
				ConfigurableApplicationContext service = accountService(failingFastAgainst("127.0.0.1:" + link.port()),
						"--spring.modulith.events.republish-outstanding-events-on-restart=false",
						"--carefin.messaging.outbox.resubmit-every=1s", "--carefin.messaging.outbox.resubmit-after=1s",
						"--carefin.messaging.outbox.purge-every=1s", "--carefin.messaging.outbox.keep-sent=0s")) {
			JdbcClient jdbc = service.getBean(JdbcClient.class);
			service.getBean(TransactionTemplate.class).executeWithoutResult((status) -> service.publishEvent(payment));
			// both chores run several times while no broker answers: the event stays
			// unsent
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> incompletePublications(jdbc, payment) == 1);

			link.open();
			awaitSent(payment);
			// and, sent, is forgotten
			await().atMost(Duration.ofSeconds(10)).until(() -> publications(jdbc, payment, "TRUE") == 0);
		}
	}

	@Test
	void sendsAnEventCommittedDuringABrokerOutageAfterARestart() {
		PaymentPosted payment = payment();

		try (ConfigurableApplicationContext outage = accountService(failingFastAgainst("127.0.0.1:9"))) {
			outage.getBean(TransactionTemplate.class).executeWithoutResult((status) -> outage.publishEvent(payment));
			assertThat(incompletePublications(outage.getBean(JdbcClient.class), payment)).isOne();
		}

		try (ConfigurableApplicationContext restarted = accountService(
				List.of("--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
						"--spring.kafka.listener.auto-startup=false"))) {
			awaitSent(payment);
		}
	}

	private static PaymentPosted payment() {
		return new PaymentPosted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "4242",
				new BigDecimal("42.00"), null);
	}

	/**
	 * Kafka at the given address, with sends and admin calls that give up within a second
	 * when it does not answer, and no listeners.
	 */
	private static List<String> failingFastAgainst(String bootstrapServers) {
		return List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--spring.kafka.producer.properties.max.block.ms=500", "--spring.kafka.admin.fail-fast=false",
				"--spring.kafka.admin.operation-timeout=1s",
				"--spring.kafka.admin.properties.default.api.timeout.ms=1000",
				"--spring.kafka.listener.auto-startup=false");
	}

	private static ConfigurableApplicationContext accountService(List<String> kafka, String... more) {
		List<String> args = new ArrayList<>(kafka);
		args.addAll(List.of(more));
		args.add("--server.port=0");
		return new SpringApplicationBuilder(AccountServiceApplication.class)
			.initializers(new EmbeddedPostgres.Initializer(), new TestIssuer.Initializer())
			.run(args.toArray(String[]::new));
	}

	private static void awaitSent(PaymentPosted payment) {
		KafkaTestClient.awaitRecord(PaymentEvent.TOPIC,
				(record) -> record.value().contains(payment.eventId().toString()), Duration.ofSeconds(30));
	}

	private static int incompletePublications(JdbcClient jdbc, PaymentPosted payment) {
		return publications(jdbc, payment, "completion_date IS NULL");
	}

	private static int publications(JdbcClient jdbc, PaymentPosted payment, String condition) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id AND " + condition)
			.param("id", "%" + payment.eventId() + "%")
			.query(Integer.class)
			.single();
	}

	/**
	 * The service's way to the broker: closed (nothing listens on its port) until
	 * {@link #open()}, then relaying each connection to the broker. The broker's metadata
	 * names its own address, so once a client has bootstrapped through the link it talks
	 * to the broker directly.
	 */
	private static final class BrokerLink implements AutoCloseable {

		private final int port;

		private final InetSocketAddress broker;

		private final ExecutorService relays = Executors.newVirtualThreadPerTaskExecutor();

		private @Nullable ServerSocket server;

		BrokerLink(String bootstrapServers) throws IOException {
			String[] hostAndPort = bootstrapServers.split(",")[0].split(":");
			this.broker = new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
			try (ServerSocket probe = new ServerSocket(0)) {
				this.port = probe.getLocalPort();
			}
		}

		int port() {
			return this.port;
		}

		void open() throws IOException {
			ServerSocket listening = new ServerSocket(this.port, 50, InetAddress.getLoopbackAddress());
			this.server = listening;
			this.relays.submit(() -> {
				while (!listening.isClosed()) {
					Socket client = listening.accept();
					Socket upstream = new Socket(this.broker.getAddress(), this.broker.getPort());
					this.relays.submit(() -> relay(client, upstream));
					this.relays.submit(() -> relay(upstream, client));
				}
				return null;
			});
		}

		private static Void relay(Socket from, Socket to) throws IOException {
			try (from; to) {
				from.getInputStream().transferTo(to.getOutputStream());
			}
			return null;
		}

		@Override
		public void close() throws IOException {
			if (this.server != null) {
				this.server.close();
			}
			this.relays.shutdownNow();
		}

	}

}
