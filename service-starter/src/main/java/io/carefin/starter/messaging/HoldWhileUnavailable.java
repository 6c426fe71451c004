package io.carefin.starter.messaging;

import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Makes a listener's error handler hold a record that failed because something the
 * listener needs is {@link Unavailable unreachable}: it is retried without limit, from
 * the first back-off up to the longest between attempts, and never parked; each such
 * attempt counts on {@code carefin.messaging.retries{topic, cause=unavailable}}. The
 * handler starts a new back-off whenever the failure's kind changes, so a record that
 * then fails for its own reason gets the handler's bounded retries.
 */
public final class HoldWhileUnavailable {

	private HoldWhileUnavailable() {
	}

	/**
	 * Holds the records whose failure says a resource is unreachable, except those
	 * {@code ownFailure} claims: failures the handler bounds on purpose although they
	 * look alike (a mail server's refused connection, for a service whose deliveries get
	 * a fixed number of attempts).
	 */
	public static void apply(DefaultErrorHandler handler, MessagingProperties properties, MeterRegistry meters,
			Predicate<Exception> ownFailure) {
		handler.setBackOffFunction(
				(record, ex) -> (Unavailable.causes(ex) && !ownFailure.test(ex)) ? untilAvailable(properties) : null);
		handler.setRetryListeners(new UnavailableRetries(meters, ownFailure));
	}

	private static BackOff untilAvailable(MessagingProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxBackoff().toMillis());
		return backOff;
	}

}
