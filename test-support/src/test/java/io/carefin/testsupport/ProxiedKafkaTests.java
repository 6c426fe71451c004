package io.carefin.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The broker behind its proxy: every client's traffic goes through the proxy, not only
 * the first request, so a blackhole holds a producer's sends until the link is back.
 */
class ProxiedKafkaTests {

	private static final ProxiedKafka kafka = ProxiedKafka.start();

	@AfterAll
	static void stop() {
		kafka.close();
	}

	@Test
	void aBlackholeHoldsASendUntilTheLinkIsBackAndItArrivesOnce() throws Exception {
		String topic = "proxied-" + UUID.randomUUID();
		String held = "held-" + UUID.randomUUID();
		kafka.send(topic, "k", "before");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>(topic, "k", "warm-up")).get(30, TimeUnit.SECONDS);

			kafka.proxy().blackhole();
			Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, "k", held));
			assertThatExceptionOfType(java.util.concurrent.TimeoutException.class)
				.isThrownBy(() -> sent.get(2, TimeUnit.SECONDS));

			kafka.proxy().restore();
			sent.get(30, TimeUnit.SECONDS);
		}
		assertThat(kafka.readFor(topic, Duration.ofSeconds(5))).filteredOn((record) -> held.equals(record.value()))
			.hasSize(1);
	}

	@Test
	void aCutLeavesANewClientNothingToTalkTo() {
		kafka.proxy().cut();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG,
				1000, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			assertThat(producer.send(new ProducerRecord<>("proxied-cut", "k", "lost")))
				.failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.havingRootCause()
				.isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		}
		finally {
			kafka.proxy().restore();
		}
	}

}
