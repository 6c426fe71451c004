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
 */
@ConfigurationProperties("carefin.messaging")
public record MessagingProperties(@DefaultValue("3") int retries, @DefaultValue("500ms") Duration initialBackoff,
		@DefaultValue("5s") Duration maxBackoff, @DefaultValue(".DLT") String deadLetterSuffix,
		@DefaultValue("6") int partitions) {

	/**
	 * The dead-letter topic of a topic.
	 */
	public String deadLetterTopic(String topic) {
		return topic + this.deadLetterSuffix;
	}

}
