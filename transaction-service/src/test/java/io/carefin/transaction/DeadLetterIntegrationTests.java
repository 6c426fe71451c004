package io.carefin.transaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.transaction.TransactionFixtures.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter's dead-letter endpoints in transaction-service, against a real broker: a
 * payment for an account without a credit line fails every retry and is parked, ops see
 * it without its content, and once the credit line exists ops replay it and it is
 * applied, once, with who replayed it kept.
 */
@TransactionServiceTest
class DeadLetterIntegrationTests {

	private static final String PATH = "/api/transactions/dead-letters";

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opsReplayAParkedPaymentOnceItsCreditLineExists() {
		UUID account = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		KafkaTestClient.send(PaymentEvent.TOPIC, account.toString(), """
				{"type":"PaymentPosted","eventId":"%s","occurredAt":"2026-12-01T09:00:00Z","paymentId":"%s",
				 "accountId":"%s","amount":123.45}
				""".formatted(eventId, UUID.randomUUID(), account));
		ConsumerRecord<String, String> parked = KafkaTestClient.awaitRecord(PaymentEvent.TOPIC + ".DLT",
				(record) -> account.toString().equals(record.key()), Duration.ofSeconds(60));

		String ops = this.fixtures.staff("OPS_ADMIN");
		Response list = this.fixtures.get(PATH, ops);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json()
			.path("deadLetters")
			.valueStream()
			.filter((letter) -> eventId.toString().equals(letter.path("eventId").asString()))
			.findFirst()).hasValueSatisfying((letter) -> {
				assertThat(letter.path("topic").asString()).isEqualTo("account.payments.DLT");
				assertThat(letter.path("originalTopic").asString()).isEqualTo(PaymentEvent.TOPIC);
				assertThat(letter.path("partition").asInt()).isEqualTo(parked.partition());
				assertThat(letter.path("offset").asLong()).isEqualTo(parked.offset());
				assertThat(letter.path("key").asString()).isEqualTo(account.toString());
				assertThat(letter.path("eventType").asString()).isEqualTo("PaymentPosted");
				assertThat(letter.path("reason").asString()).isEqualTo("IllegalStateException");
				assertThat(letter.path("replayedAt").isNull()).isTrue();
			});
		assertThat(list.body()).doesNotContain("123.45");
		assertThat(this.fixtures.get(PATH, this.fixtures.staff("SUPPORT")).status()).isEqualTo(403);

		String replay = PATH + "/" + parked.topic() + "/" + parked.partition() + "/" + parked.offset() + "/replay";
		assertThat(this.fixtures.post(replay, this.fixtures.staff("AUDITOR"), "").status()).isEqualTo(403);
		this.jdbc.sql("""
				INSERT INTO credit_line (account_id, practice_id, credit_limit, open_to_buy)
				VALUES (:account, :practice, 1000.00, 500.00)
				""").param("account", account).param("practice", UUID.randomUUID()).update();
		Response replayed = this.fixtures.post(replay, ops, "");
		assertThat(replayed.status()).isEqualTo(202);
		assertThat(replayed.text("eventId")).isEqualTo(eventId.toString());

		await().atMost(Duration.ofSeconds(20)).until(() -> openToBuy(account).compareTo(new BigDecimal("500.00")) != 0);
		assertThat(openToBuy(account)).isEqualByComparingTo("623.45");
		assertThat(this.jdbc
			.sql("SELECT replayed_by FROM dead_letter_replay WHERE dlt_topic = :topic"
					+ " AND dlt_partition = :partition AND dlt_offset = :offset")
			.param("topic", parked.topic())
			.param("partition", parked.partition())
			.param("offset", parked.offset())
			.query(String.class)
			.single()).isNotBlank();
		Response again = this.fixtures.post(replay, ops, "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("dead-letter-replayed");
		assertThat(
				this.fixtures.post(PATH + "/" + parked.topic() + "/" + parked.partition() + "/999999/replay", ops, "")
					.status())
			.isEqualTo(404);
		assertThat(this.fixtures.post(PATH + "/auth.users.DLT/0/0/replay", ops, "").status()).isEqualTo(404);
	}

	private BigDecimal openToBuy(UUID account) {
		return this.jdbc.sql("SELECT open_to_buy FROM credit_line WHERE account_id = :account")
			.param("account", account)
			.query(BigDecimal.class)
			.single();
	}

}
