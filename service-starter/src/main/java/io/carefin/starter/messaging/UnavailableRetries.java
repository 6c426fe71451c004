package io.carefin.starter.messaging;

import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.RetryListener;

/**
 * Says when a listener holds a record because something it needs is unreachable: each
 * such failed attempt, which will be retried, counts on
 * {@code carefin.messaging.retries{topic, cause=unavailable}} and is logged with the
 * failure's kind only (an exception's text may quote the record).
 */
class UnavailableRetries implements RetryListener {

	private static final Logger logger = LoggerFactory.getLogger(UnavailableRetries.class);

	private final MeterRegistry meters;

	private final Predicate<Exception> ownFailure;

	UnavailableRetries(MeterRegistry meters, Predicate<Exception> ownFailure) {
		this.meters = meters;
		this.ownFailure = ownFailure;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		if (!Unavailable.causes(ex) || this.ownFailure.test(ex)) {
			return;
		}
		this.meters.counter("carefin.messaging.retries", "topic", record.topic(), "cause", "unavailable").increment();
		logger.warn("Holding {}-{}@{} until what it needs is reachable again (attempt {}): {}", record.topic(),
				record.partition(), record.offset(), deliveryAttempt, rootCauseName(ex));
	}

	private static String rootCauseName(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

}
