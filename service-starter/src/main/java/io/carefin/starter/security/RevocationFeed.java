package io.carefin.starter.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.auth.AccessEvent;
import io.carefin.contracts.auth.AccessRevoked;
import io.carefin.starter.messaging.ReplicaFeed;

/**
 * Reads {@code auth.revocations} into the replica's {@link AccessRevocations}: every
 * replica reads every partition itself, without a consumer group, starting as far back as
 * a not-before is kept, so that a replica that starts late still knows the tokens revoked
 * before it started ({@link ReplicaFeed}). When the broker cannot be reached the feed
 * keeps trying; the service runs meanwhile, and a revoked token then works until it
 * expires.
 */
final class RevocationFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RevocationFeed.class);

	private final AccessRevocations revocations;

	private final RevocationProperties properties;

	private final JsonMapper json;

	private final ReplicaFeed feed;

	RevocationFeed(Map<String, Object> kafka, String clientId, AccessRevocations revocations,
			RevocationProperties properties, JsonMapper json) {
		this.revocations = revocations;
		this.properties = properties;
		this.json = json;
		this.feed = new ReplicaFeed(AccessEvent.TOPIC, kafka, clientId, this::seek, this::apply,
				properties.retryEvery(), "revoked access tokens work until they expire");
	}

	@Override
	public void start() {
		this.feed.start();
	}

	@Override
	public void stop() {
		this.feed.stop();
	}

	@Override
	public boolean isRunning() {
		return this.feed.isRunning();
	}

	/**
	 * Starts each partition from its first record no older than a kept not-before, or
	 * from its end when it has none.
	 */
	private void seek(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		long since = Instant.now().minus(this.properties.keep()).toEpochMilli();
		Map<TopicPartition, @Nullable OffsetAndTimestamp> from = consumer
			.offsetsForTimes(partitions.stream().collect(Collectors.toMap(Function.identity(), (partition) -> since)));
		for (TopicPartition partition : partitions) {
			OffsetAndTimestamp offset = from.get(partition);
			consumer.seek(partition, (offset != null) ? offset.offset() : ends.getOrDefault(partition, 0L));
		}
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

}
