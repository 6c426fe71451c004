package io.carefin.starter.deadletter;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record parked on a dead-letter topic, as ops see it: where it is, where it came from,
 * which event it holds and why it was parked; never its content.
 *
 * @param topic the dead-letter topic
 * @param partition its partition there
 * @param offset its offset there
 * @param originalTopic the topic it was consumed from
 * @param key its key (the aggregate id)
 * @param eventType the event's logical type, when the record is an event
 * @param eventId the event's id, when the record is an event
 * @param parkedAt when it was parked
 * @param reason the kind of failure that parked it
 * @param replayedAt when ops sent it back to its topic, if they did
 */
public record DeadLetter(String topic, int partition, long offset, String originalTopic, @Nullable String key,
		@Nullable String eventType, @Nullable String eventId, Instant parkedAt, @Nullable String reason,
		@Nullable Instant replayedAt) {

}
