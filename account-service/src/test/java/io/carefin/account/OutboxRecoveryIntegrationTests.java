package io.carefin.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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

/**
 * An event committed while Kafka is unreachable is not lost: the service sends it when it
 * starts again with a broker to talk to.
 */
class OutboxRecoveryIntegrationTests {

	@Test
	void sendsAnEventCommittedDuringABrokerOutageAfterARestart() {
		PaymentPosted payment = new PaymentPosted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
				UUID.randomUUID(), "4242", new BigDecimal("42.00"), null);

		try (ConfigurableApplicationContext outage = accountService("--spring.kafka.bootstrap-servers=127.0.0.1:9",
				"--spring.kafka.producer.properties.max.block.ms=500", "--spring.kafka.admin.fail-fast=false",
				"--spring.kafka.admin.operation-timeout=1s",
				"--spring.kafka.admin.properties.default.api.timeout.ms=1000",
				"--spring.kafka.listener.auto-startup=false")) {
			outage.getBean(TransactionTemplate.class).executeWithoutResult((status) -> outage.publishEvent(payment));
			assertThat(incompletePublications(outage.getBean(JdbcClient.class), payment)).isOne();
		}

		try (ConfigurableApplicationContext restarted = accountService(
				"--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
				"--spring.kafka.listener.auto-startup=false")) {
			KafkaTestClient.awaitRecord(PaymentEvent.TOPIC,
					(record) -> record.value().contains(payment.eventId().toString()), Duration.ofSeconds(30));
		}
	}

	private static ConfigurableApplicationContext accountService(String... args) {
		return new SpringApplicationBuilder(AccountServiceApplication.class)
			.initializers(new EmbeddedPostgres.Initializer(), new TestIssuer.Initializer())
			.run(concat(args, "--server.port=0"));
	}

	private static int incompletePublications(JdbcClient jdbc, PaymentPosted payment) {
		return jdbc
			.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id AND completion_date IS NULL")
			.param("id", "%" + payment.eventId() + "%")
			.query(Integer.class)
			.single();
	}

	private static String[] concat(String[] args, String extra) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = extra;
		return all;
	}

}
