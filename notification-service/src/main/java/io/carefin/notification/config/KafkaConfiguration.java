package io.carefin.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
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
import io.carefin.starter.messaging.HoldWhileUnavailable;
import io.carefin.starter.messaging.MessagingProperties;

/**
 * How a record whose messages could not be sent is retried and parked: exponential
 * back-off over {@code carefin.notification.delivery.attempts} attempts, pausing only the
 * record's partition meanwhile; a message the provider refused for good is not retried; a
 * record that is parked has its delivery marked failed, a {@code DeliveryFailed} event
 * published, and goes to its topic's dead-letter twin. A record that failed because the
 * service's database was unreachable is held until it is back, never parked.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(KafkaConfiguration.class);

	@Bean
	RetryPauses retryPauses() {
		return new RetryPauses();
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties messaging,
			DeliveryProperties delivery, DeliveryService deliveries, KafkaListenerEndpointRegistry registry,
			RetryPauses retryPauses, MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(messaging.deadLetterTopic(record.topic()), -1));
		ConsumerRecordRecoverer recoverer = (record, ex) -> {
			DeliveryAttemptFailed failure = deliveryFailure(ex);
			// Only the failure's kind and our own delivery facts: an exception's text may
			// quote the record.
			logger.warn("Parking {}-{}@{} on its dead-letter topic: {}", record.topic(), record.partition(),
					record.offset(), (failure != null) ? failure.getMessage() : rootCauseName(ex));
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
				new ContainerPausingBackOffHandler(new ListenerContainerPauseService(registry, retryPauses.scheduler)));
		handler.addNotRetryableExceptions(DeliveryAttemptFailed.Final.class);
		handler.setResetStateOnExceptionChange(false);
		// the service's own database unreachable: the record is held until it is back, as
		// in every other service; a provider that cannot be reached is a delivery attempt
		// that failed, and gets the bounded attempts above
		HoldWhileUnavailable.apply(handler, messaging, meters, (ex) -> deliveryFailure(ex) != null);
		return handler;
	}

	/**
	 * The scheduler that resumes paused partitions, kept out of the context's
	 * {@code TaskScheduler} beans so that nothing else runs on it.
	 */
	static final class RetryPauses implements DisposableBean {

		private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

		RetryPauses() {
			this.scheduler.setPoolSize(1);
			this.scheduler.setThreadNamePrefix("retry-pause-");
			this.scheduler.initialize();
		}

		@Override
		public void destroy() {
			this.scheduler.shutdown();
		}

	}

	private static String rootCauseName(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
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
