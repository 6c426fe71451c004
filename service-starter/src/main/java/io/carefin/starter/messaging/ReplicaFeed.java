package io.carefin.starter.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Reads one topic into the replica's memory: every replica reads every partition itself,
 * without a consumer group or committed offsets, from where its {@link StartingPoint}
 * seeks, so that every replica, including one that starts late, builds the same state.
 * When the broker cannot be reached the feed says once what that means, keeps trying, and
 * the service runs meanwhile. Each record's value, or {@code null} for a tombstone, goes
 * to the reader on the feed's one thread.
 */
public final class ReplicaFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaFeed.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final String topic;

	private final Map<String, Object> config;

	private final StartingPoint from;

	private final java.util.function.Consumer<byte @Nullable []> reader;

	private final Duration retryEvery;

	private final String whileUnreadable;

	private volatile boolean running;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	private @Nullable Thread thread;

	/**
	 * A feed of a topic.
	 * @param topic the topic to read
	 * @param kafka the service's Kafka consumer properties; their group and deserializers
	 * are not used
	 * @param clientId the client id, unique to the replica
	 * @param from where each partition is read from
	 * @param reader what is done with each record's value, on the feed's thread
	 * @param retryEvery how long the feed waits before trying again when the broker
	 * cannot be reached
	 * @param whileUnreadable what it means for the service while the topic cannot be
	 * read, logged once per outage
	 */
	public ReplicaFeed(String topic, Map<String, Object> kafka, String clientId, StartingPoint from,
			java.util.function.Consumer<byte @Nullable []> reader, Duration retryEvery, String whileUnreadable) {
		Map<String, Object> config = new HashMap<>(kafka);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
		this.topic = topic;
		this.config = Map.copyOf(config);
		this.from = from;
		this.reader = reader;
		this.retryEvery = retryEvery;
		this.whileUnreadable = whileUnreadable;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name(this.topic).start(this::run);
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
							this.reader.accept(record.value());
						}
					}
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (KafkaException ex) {
				if (!warned) {
					logger.warn("Cannot read {} ({}); {}, trying again", this.topic, ex.getClass().getSimpleName(),
							this.whileUnreadable);
					warned = true;
				}
			}
			finally {
				this.consumer = null;
			}
			pause();
		}
	}

	private boolean assign(Consumer<String, byte[]> consumer) {
		List<TopicPartition> partitions = consumer.partitionsFor(this.topic, Duration.ofSeconds(10))
			.stream()
			.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
			.toList();
		if (partitions.isEmpty()) {
			return false;
		}
		consumer.assign(partitions);
		this.from.seek(consumer, partitions);
		return true;
	}

	private void pause() {
		if (!this.running) {
			return;
		}
		try {
			Thread.sleep(this.retryEvery);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/**
	 * Where a feed starts reading each partition of its topic, every time it
	 * (re)connects.
	 */
	@FunctionalInterface
	public interface StartingPoint {

		/**
		 * From the first record each partition still holds: a compacted topic's latest
		 * value per key, and everything after it.
		 */
		StartingPoint BEGINNING = (consumer, partitions) -> consumer.seekToBeginning(partitions);

		/**
		 * Seeks each of the assigned partitions.
		 */
		void seek(Consumer<String, byte[]> consumer, List<TopicPartition> partitions);

	}

}
