package io.carefin.starter.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How topics are created and how hard a listener retries a record before parking it on
 * the dead-letter topic.
 *
 * @param retries how many times a failed record is retried after its first attempt
 * @param initialBackoff the wait before the first retry; each further wait doubles
 * @param maxBackoff the longest wait between two attempts
 * @param deadLetterSuffix what is appended to a topic's name to name its dead-letter
 * topic
 * @param partitions how many partitions a topic gets when a service creates it, which
 * bounds how many replicas of a consumer share its load
 * @param outbox when the outbox sends again what it could not send, and how long it keeps
 * what it sent
 */
@ConfigurationProperties("carefin.messaging")
public record MessagingProperties(@DefaultValue("3") int retries, @DefaultValue("500ms") Duration initialBackoff,
		@DefaultValue("5s") Duration maxBackoff, @DefaultValue(".DLT") String deadLetterSuffix,
		@DefaultValue("6") int partitions, @DefaultValue Outbox outbox) {

	/**
	 * The outbox's two chores.
	 *
	 * @param resubmitEvery how often the outbox looks for events it has not sent
	 * @param resubmitAfter how old an unsent event must be before it is sent again: past
	 * the Kafka producer's delivery timeout (two minutes by default), a send still
	 * unacknowledged has failed
	 * @param purgeEvery how often sent events are forgotten
	 * @param keepSent how long a sent event stays in {@code event_publication} for
	 * support to look at
	 */
	public record Outbox(@DefaultValue("30s") Duration resubmitEvery, @DefaultValue("2m") Duration resubmitAfter,
			@DefaultValue("1h") Duration purgeEvery, @DefaultValue("7d") Duration keepSent) {

	}

	/**
	 * The dead-letter topic of a topic.
	 */
	public String deadLetterTopic(String topic) {
		return topic + this.deadLetterSuffix;
	}

}
