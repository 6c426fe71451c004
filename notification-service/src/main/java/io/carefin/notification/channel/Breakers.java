package io.carefin.notification.channel;

import java.util.EnumMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import io.carefin.notification.message.Channel;

/**
 * One circuit breaker per channel, so that a provider that is down stops being called for
 * a while instead of being hammered by every retry.
 */
@Component
public class Breakers {

	private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);

	Breakers(BreakerProperties properties, MeterRegistry meters) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumNumberOfCalls())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.build();
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
		for (Channel channel : Channel.values()) {
			this.breakers.put(channel, registry.circuitBreaker(channel.name().toLowerCase()));
		}
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
	}

	/**
	 * The breaker in front of a channel's provider.
	 */
	public CircuitBreaker of(Channel channel) {
		return this.breakers.get(channel);
	}

}
