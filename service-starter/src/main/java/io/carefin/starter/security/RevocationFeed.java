package io.carefin.starter.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.auth.AccessEvent;
import io.carefin.contracts.auth.AccessRevoked;

/**
 * Reads {@code auth.revocations} into the replica's {@link AccessRevocations}: every
 * replica reads every partition itself, without a consumer group, starting as far back as
 * a not-before is kept, so that a replica that starts late still knows the tokens revoked
 * before it started. When the broker cannot be reached the feed keeps trying; the service
 * runs meanwhile, and a revoked token then works until it expires.
 */
final class RevocationFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RevocationFeed.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final Map<String, Object> config;

	private final AccessRevocations revocations;

	private final RevocationProperties properties;

	private final JsonMapper json;

	private volatile boolean running;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	private @Nullable Thread thread;

	RevocationFeed(Map<String, Object> kafka, String clientId, AccessRevocations revocations,
			RevocationProperties properties, JsonMapper json) {
		Map<String, Object> config = new HashMap<>(kafka);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
		this.config = Map.copyOf(config);
		this.revocations = revocations;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("access-revocations").start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread current2 = this.thread;
		if (current2 != null) {
			try {
				current2.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		boolean warned = false;
		while (this.running) {
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.config, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				this.consumer = consumer;
				if (assign(consumer)) {
					warned = false;
					while (this.running) {
						for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
							apply(record.value());
						}
					}
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (KafkaException ex) {
				if (!warned) {
					logger.warn("Cannot read {} ({}); revoked access tokens work until they expire, trying again",
							AccessEvent.TOPIC, ex.getClass().getSimpleName());
					warned = true;
				}
			}
			finally {
				this.consumer = null;
			}
			pause();
		}
	}

	/**
	 * Takes every partition of the topic, each from its first record no older than a kept
	 * not-before, or from its end when it has none.
	 */
	private boolean assign(Consumer<String, byte[]> consumer) {
		List<TopicPartition> partitions = consumer.partitionsFor(AccessEvent.TOPIC, Duration.ofSeconds(10))
			.stream()
			.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
			.toList();
		if (partitions.isEmpty()) {
			return false;
		}
		consumer.assign(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		long since = Instant.now().minus(this.properties.keep()).toEpochMilli();
		Map<TopicPartition, @Nullable OffsetAndTimestamp> from = consumer
			.offsetsForTimes(partitions.stream().collect(Collectors.toMap(Function.identity(), (partition) -> since)));
		for (TopicPartition partition : partitions) {
			OffsetAndTimestamp offset = from.get(partition);
			consumer.seek(partition, (offset != null) ? offset.offset() : ends.getOrDefault(partition, 0L));
		}
		return true;
	}

	private void apply(byte @Nullable [] value) {
		if (value == null) {
			return;
		}
		try {
			switch (this.json.readValue(value, AccessEvent.class)) {
				case AccessRevoked revoked -> this.revocations.record(revoked);
			}
		}
		catch (JacksonException ex) {
			// a type this version does not know, or no event at all
			logger.info("Skipping a record on {} that is no known event", AccessEvent.TOPIC);
		}
	}

	private void pause() {
		if (!this.running) {
			return;
		}
		try {
			Thread.sleep(this.properties.retryEvery());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
