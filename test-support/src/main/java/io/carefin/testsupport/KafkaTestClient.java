package io.carefin.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients on the embedded broker, for tests that play the other side of a
 * topic: send raw JSON records as another service would, or read what the service under
 * test sent.
 */
public final class KafkaTestClient {

	private KafkaTestClient() {
	}

	/**
	 * Sends a record and waits until the broker has it.
	 */
	public static void send(String topic, String key, String json) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, key, json)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send a test record to " + topic, ex);
		}
	}

	/**
	 * Reads a topic from its beginning until a record matches, and returns that record.
	 * @throws AssertionError when no record matches within the timeout
	 */
	public static ConsumerRecord<String, String> awaitRecord(String topic,
			Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
		return poll(topic, timeout, match).stream()
			.filter(match)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No matching record on " + topic + " within " + timeout));
	}

	/**
	 * Reads every record that arrives on a topic, from its beginning, during the given
	 * time.
	 */
	public static List<ConsumerRecord<String, String>> readFor(String topic, Duration duration) {
		return poll(topic, duration, (record) -> false);
	}

	private static List<ConsumerRecord<String, String>> poll(String topic, Duration timeout,
			Predicate<ConsumerRecord<String, String>> stop) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			while (System.nanoTime() < deadline && records.stream().noneMatch(stop)) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

}
