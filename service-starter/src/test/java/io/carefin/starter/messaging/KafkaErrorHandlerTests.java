package io.carefin.starter.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.NestedRuntimeException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The starter's error handler, as the listener container drives it after each failed
 * attempt: a record whose database is unreachable is held however many attempts fail; a
 * record that fails for its own reason is parked after the bounded retries.
 */
class KafkaErrorHandlerTests {

	private static final String TOPIC = "transaction.purchases";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
			new ByteArraySerializer());

	private final MessagingProperties properties = new MessagingProperties(3, Duration.ofMillis(1),
			Duration.ofMillis(2), ".DLT", 6, new MessagingProperties.Outbox(Duration.ofSeconds(30),
					Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(7)));

	private final DefaultErrorHandler handler = new MessagingAutoConfiguration()
		.kafkaErrorHandler(new KafkaTemplate<>(() -> this.producer), this.properties, this.meters);

	private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

	private final MessageListenerContainer container = mock();

	private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPIC, 0, 7L,
			"account-1".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

	@BeforeEach
	void assignThePartition() {
		given(this.container.isRunning()).willReturn(true);
		this.consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
	}

	@Test
	void holdsARecordWhoseDatabaseIsUnreachableHoweverManyAttemptsFail() {
		for (int attempt = 0; attempt < 50; attempt++) {
			assertThat(fail(unreachable())).isTrue();
		}

		assertThat(this.producer.history()).isEmpty();
		assertThat(this.meters.get("carefin.messaging.retries")
			.tags("topic", TOPIC, "cause", "unavailable")
			.counter()
			.count()).isEqualTo(50);
		assertThat(this.meters.find("carefin.messaging.dead-lettered").counter()).isNull();
	}

	@Test
	void parksARecordThatFailsForItsOwnReasonAfterTheBoundedRetries() {
		for (int attempt = 0; attempt < this.properties.retries(); attempt++) {
			assertThat(fail(broken())).isTrue();
		}
		assertThat(this.producer.history()).isEmpty();

		assertThat(fail(broken())).isFalse();

		assertThat(this.producer.history()).extracting(ProducerRecord::topic).containsExactly(TOPIC + ".DLT");
		assertThat(this.meters.get("carefin.messaging.dead-lettered").tags("topic", TOPIC).counter().count())
			.isEqualTo(1);
		assertThat(this.meters.find("carefin.messaging.retries").counter()).isNull();
	}

	@Test
	void givesARecordThatFailsForItsOwnReasonOnceTheDatabaseIsBackOnlyTheBoundedRetries() {
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(fail(unreachable())).isTrue();
		}
		for (int attempt = 0; attempt < this.properties.retries(); attempt++) {
			assertThat(fail(broken())).isTrue();
		}
		assertThat(fail(broken())).isFalse();

		assertThat(this.producer.history()).extracting(ProducerRecord::topic).containsExactly(TOPIC + ".DLT");
	}

	/**
	 * One failed attempt, handled as the container hands it over.
	 * @return whether the record is held for another attempt (the handler says so by
	 * throwing), rather than parked
	 */
	private boolean fail(Exception failure) {
		try {
			this.handler.handleRemaining(failure, List.of(this.record), this.consumer, this.container);
			return false;
		}
		catch (NestedRuntimeException held) {
			// RecordInRetryException, which Spring Kafka keeps to its package
			assertThat(held.getClass().getSimpleName()).isEqualTo("RecordInRetryException");
			return true;
		}
	}

	private static Exception unreachable() {
		return new ListenerExecutionFailedException("Listener failed",
				new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
						new SQLTransientConnectionException("Connection is not available, request timed out")));
	}

	private static Exception broken() {
		return new ListenerExecutionFailedException("Listener failed", new IllegalStateException("No such account"));
	}

}
