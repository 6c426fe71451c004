package io.carefin.reporting.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.auth.SignInEvent;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.PurchaseEvent;

/**
 * Drops the read models and replays the consumed topics from their beginning: the
 * listeners stop (this replica leaves the consumer group), the read models and the
 * topics' processed-event records are deleted and the group's offsets rewound to each
 * partition's earliest record in one database transaction (which rolls back if the rewind
 * fails), and the listeners start again and re-apply every event once.
 */
@Service
public class Rebuild {

	/**
	 * The topics the read models are built from.
	 */
	static final List<String> TOPICS = List.of(UserEvent.TOPIC, SignInEvent.TOPIC, ApplicationEvent.TOPIC,
			PurchaseEvent.TOPIC, PaymentEvent.TOPIC);

	private static final List<String> READ_MODELS = List.of("daily_sales", "monthly_sales", "daily_funding",
			"daily_applications", "daily_decline_reasons", "daily_security");

	private static final Logger logger = LoggerFactory.getLogger(Rebuild.class);

	private final KafkaListenerEndpointRegistry listeners;

	private final KafkaAdmin kafkaAdmin;

	private final String groupId;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Rebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, KafkaProperties kafka, JdbcClient jdbc,
			TransactionTemplate transaction, Clock clock) {
		this.listeners = listeners;
		this.kafkaAdmin = kafkaAdmin;
		this.groupId = Objects.requireNonNull(kafka.getConsumer().getGroupId(),
				"spring.kafka.consumer.group-id is required");
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Starts a rebuild; the replay continues after this returns.
	 * @return what was rewound
	 * @throws RebuildRefusedException when the consumer group cannot be rewound (another
	 * replica is consuming); the read models are then left as they were
	 */
	public synchronized Started start() {
		Instant startedAt = Instant.now(this.clock);
		this.listeners.stop();
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			Map<TopicPartition, OffsetAndMetadata> earliest = this.transaction.execute((status) -> {
				this.jdbc.sql("TRUNCATE " + String.join(", ", READ_MODELS)).update();
				this.jdbc.sql("DELETE FROM processed_event WHERE topic IN (:topics)").param("topics", TOPICS).update();
				Map<TopicPartition, OffsetAndMetadata> offsets = earliestOffsets(admin);
				await(admin.alterConsumerGroupOffsets(this.groupId, offsets).all());
				return offsets;
			});
			int partitions = (earliest != null) ? earliest.size() : 0;
			logger.info("Rebuilding the read models: replaying {} partitions of {} from their beginning", partitions,
					TOPICS);
			return new Started(startedAt, TOPICS, partitions);
		}
		finally {
			this.listeners.start();
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> earliestOffsets(Admin admin) {
		Map<TopicPartition, OffsetSpec> partitions = await(admin.describeTopics(TOPICS).allTopicNames()).values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
			.collect(Collectors.toMap(Function.identity(), (partition) -> OffsetSpec.earliest()));
		Map<TopicPartition, ListOffsetsResultInfo> offsets = await(admin.listOffsets(partitions).all());
		return offsets.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> new OffsetAndMetadata(entry.getValue().offset())));
	}

	private static <T> T await(KafkaFuture<T> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RebuildRefusedException("The rebuild was interrupted; nothing was dropped.", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new RebuildRefusedException(
					"The consumer group could not be rewound (is another replica still consuming?); nothing was dropped.",
					ex);
		}
	}

	/**
	 * A rebuild that has started replaying.
	 *
	 * @param startedAt when
	 * @param topics the topics being replayed
	 * @param partitions how many partitions were rewound
	 */
	public record Started(Instant startedAt, List<String> topics, int partitions) {
	}

}
