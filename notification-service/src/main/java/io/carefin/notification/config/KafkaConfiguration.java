package io.carefin.notification.config;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.carefin.notification.delivery.DeliveryAttemptFailed;
import io.carefin.notification.delivery.DeliveryProperties;
import io.carefin.notification.delivery.DeliveryService;
import io.carefin.starter.messaging.MessagingProperties;

/**
 * How a record whose messages could not be sent is retried and parked: exponential
 * back-off over {@code carefin.notification.delivery.attempts} attempts, pausing only the
 * record's partition meanwhile; a message the provider refused for good is not retried; a
 * record that is parked has its delivery marked failed, a {@code DeliveryFailed} event
 * published, and goes to its topic's dead-letter twin.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(KafkaConfiguration.class);

	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskScheduler retryPauseScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("retry-pause-");
		scheduler.initialize();
		return scheduler;
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties messaging,
			DeliveryProperties delivery, DeliveryService deliveries, KafkaListenerEndpointRegistry registry,
			ThreadPoolTaskScheduler retryPauseScheduler) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(messaging.deadLetterTopic(record.topic()), -1));
		ConsumerRecordRecoverer recoverer = (record, ex) -> {
			DeliveryAttemptFailed failure = deliveryFailure(ex);
			if (failure != null) {
				try {
					deliveries.parked(failure);
				}
				catch (RuntimeException markFailed) {
					logger.error("Could not mark delivery {} failed", failure.deliveryId(), markFailed);
				}
			}
			deadLetters.accept(record, ex);
		};
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(
				Math.max(0, delivery.attempts() - 1));
		backOff.setInitialInterval(delivery.initialBackoff().toMillis());
		backOff.setMaxInterval(delivery.maxBackoff().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff,
				new ContainerPausingBackOffHandler(new ListenerContainerPauseService(registry, retryPauseScheduler)));
		handler.addNotRetryableExceptions(DeliveryAttemptFailed.Final.class);
		handler.setResetStateOnExceptionChange(false);
		return handler;
	}

	private static @Nullable DeliveryAttemptFailed deliveryFailure(@Nullable Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DeliveryAttemptFailed failure) {
				return failure;
			}
		}
		return null;
	}

}
