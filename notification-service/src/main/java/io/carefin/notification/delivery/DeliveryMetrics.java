package io.carefin.notification.delivery;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Counts deliveries by outcome ({@code sent}, {@code failed}, {@code retried},
 * {@code deduplicated}, {@code capped}), channel and template on
 * {@code carefin.notifications.deliveries}, and times each from its event to the
 * provider's accept on {@code carefin.notifications.latency}.
 */
@Component
class DeliveryMetrics {

	static final String DELIVERIES = "carefin.notifications.deliveries";

	static final String LATENCY = "carefin.notifications.latency";

	private final MeterRegistry meters;

	DeliveryMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void count(String outcome, String channel, String template) {
		Counter.builder(DELIVERIES)
			.description("Messages by outcome")
			.tag("outcome", outcome)
			.tag("channel", channel)
			.tag("template", template)
			.register(this.meters)
			.increment();
	}

	void accepted(String channel, String template, Duration sinceEvent) {
		count("sent", channel, template);
		Timer.builder(LATENCY)
			.description("From the event to the provider's accept")
			.tag("channel", channel)
			.tag("template", template)
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.register(this.meters)
			.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
	}

}
