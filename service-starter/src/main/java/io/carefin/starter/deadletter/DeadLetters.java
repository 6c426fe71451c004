package io.carefin.starter.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.contracts.DomainEvent;
import io.carefin.starter.messaging.MessagingProperties;

/**
 * Reads the dead-letter topics of the topics this service consumes, straight from Kafka
 * (a record may hold personal data, codes or tokens, so it is never copied into the
 * database nor shown), and sends a parked record back to its original topic with its key,
 * where the service consumes it again. Which records were replayed, by whom and when is
 * kept in {@code dead_letter_replay}.
 */
public class DeadLetters {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final ConsumerFactory<?, ?> consumers;

	private final KafkaOperations<Object, Object> kafka;

	private final MessagingProperties messaging;

	private final Supplier<List<String>> consumed;

	private final String groupId;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * Dead letters of the topics {@code consumed} names, read by the consumer group
	 * {@code groupId}.
	 */
	public DeadLetters(ConsumerFactory<?, ?> consumers, KafkaOperations<Object, Object> kafka,
			MessagingProperties messaging, Supplier<List<String>> consumed, String groupId, JdbcClient jdbc,
			TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.consumers = consumers;
		this.kafka = kafka;
		this.messaging = messaging;
		this.consumed = consumed;
		this.groupId = groupId;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Every parked record, oldest first, with whether it was replayed.
	 */
	public List<DeadLetter> list() {
		Map<String, Instant> replays = replays();
		List<DeadLetter> letters = new ArrayList<>();
		for (ConsumerRecord<?, ?> record : readAll()) {
			letters.add(describe(record, replays.get(id(record.topic(), record.partition(), record.offset()))));
		}
		letters.sort(Comparator.comparing(DeadLetter::parkedAt));
		return letters;
	}

	/**
	 * Sends one parked record back to its topic.
	 * @throws DeadLetterNotFoundException when there is no such record
	 * @throws DeadLetterReplayedException when it was replayed before
	 */
	public DeadLetter replay(String topic, int partition, long offset, String by) {
		if (!deadLetterTopics().contains(topic)) {
			throw new DeadLetterNotFoundException();
		}
		ConsumerRecord<?, ?> record = read(new TopicPartition(topic, partition), offset)
			.orElseThrow(DeadLetterNotFoundException::new);
		if (!replay(record, by)) {
			throw new DeadLetterReplayedException();
		}
		return describe(record, this.clock.instant());
	}

	/**
	 * Sends every parked record that was not replayed yet back to its topic.
	 * @return how many were sent
	 */
	public int replayAll(String by) {
		Map<String, Instant> replays = replays();
		int replayed = 0;
		for (ConsumerRecord<?, ?> record : readAll()) {
			if (!replays.containsKey(id(record.topic(), record.partition(), record.offset())) && replay(record, by)) {
				replayed++;
			}
		}
		return replayed;
	}

	/**
	 * The dead-letter topics read: the twins of the topics the service consumes.
	 */
	public List<String> deadLetterTopics() {
		return this.consumed.get().stream().map(this.messaging::deadLetterTopic).distinct().toList();
	}

	private boolean replay(ConsumerRecord<?, ?> record, String by) {
		Boolean replayed = this.transactions.execute((status) -> {
			int claimed = this.jdbc.sql("""
					INSERT INTO dead_letter_replay (dlt_topic, dlt_partition, dlt_offset, replayed_at, replayed_by)
					VALUES (:topic, :partition, :offset, :now, :by) ON CONFLICT DO NOTHING
					""")
				.param("topic", record.topic())
				.param("partition", record.partition())
				.param("offset", record.offset())
				.param("now", OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC)))
				.param("by", by)
				.update();
			if (claimed == 0) {
				return false;
			}
			// Sent inside the transaction: if Kafka does not take it, the replay is not
			// recorded.
			send(new ProducerRecord<>(originalTopic(record), record.key(), record.value()));
			return true;
		});
		return Boolean.TRUE.equals(replayed);
	}

	private void send(ProducerRecord<Object, Object> record) {
		try {
			this.kafka.send(record).get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying a dead letter", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not take the replayed record", ex);
		}
	}

	private List<ConsumerRecord<?, ?>> readAll() {
		try (Consumer<?, ?> consumer = consumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : deadLetterTopics()) {
				List<PartitionInfo> infos = consumer.partitionsFor(topic);
				if (infos != null) {
					infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<?, ?>> records = new ArrayList<>();
			long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
			while (!readTo(consumer, ends) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	private Optional<ConsumerRecord<?, ?>> read(TopicPartition partition, long offset) {
		try (Consumer<?, ?> consumer = consumer()) {
			consumer.assign(List.of(partition));
			Long end = consumer.endOffsets(List.of(partition)).get(partition);
			if (offset < 0 || end == null || offset >= end) {
				return Optional.empty();
			}
			consumer.seek(partition, offset);
			long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return Optional.of(record);
					}
				}
			}
			return Optional.empty();
		}
	}

	private static boolean readTo(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private Consumer<?, ?> consumer() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
		return this.consumers.createConsumer(this.groupId, null, "-dead-letters", overrides);
	}

	private Map<String, Instant> replays() {
		return this.jdbc.sql("SELECT dlt_topic, dlt_partition, dlt_offset, replayed_at FROM dead_letter_replay")
			.query((rs, i) -> Map.entry(id(rs.getString(1), rs.getInt(2), rs.getLong(3)),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	private DeadLetter describe(ConsumerRecord<?, ?> record, @Nullable Instant replayedAt) {
		String type = null;
		String eventId = null;
		if (record.value() instanceof byte[] bytes) {
			try {
				JsonNode node = this.json.readTree(bytes);
				type = text(node, DomainEvent.TYPE_PROPERTY);
				eventId = text(node, "eventId");
			}
			catch (RuntimeException ex) {
				// not an event: listed without a type
			}
		}
		String reason = header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		if (reason == null) {
			reason = header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
		}
		return new DeadLetter(record.topic(), record.partition(), record.offset(), originalTopic(record),
				(record.key() != null) ? keyText(record.key()) : null, type, eventId,
				Instant.ofEpochMilli(record.timestamp()), (reason != null) ? simpleName(reason) : null, replayedAt);
	}

	private String originalTopic(ConsumerRecord<?, ?> record) {
		String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (original != null) {
			return original;
		}
		return record.topic().substring(0, record.topic().length() - this.messaging.deadLetterSuffix().length());
	}

	private static String keyText(Object key) {
		return (key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static String id(String topic, int partition, long offset) {
		return topic + "/" + partition + "/" + offset;
	}

	/**
	 * The topics of a set of listener containers' subscriptions.
	 */
	static List<String> topics(Iterable<String[]> subscriptions) {
		List<String> topics = new ArrayList<>();
		subscriptions.forEach((names) -> topics.addAll(Arrays.asList(names)));
		return topics.stream().distinct().sorted().toList();
	}

}
