package io.carefin.gateway.route;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for a service and when it stops trying one that keeps
 * failing.
 *
 * @param timeout how long a route waits for its service's answer before answering 503
 * @param timeouts a different wait for some routes, by route id (the service's name)
 * @param failureRateThreshold the percentage of failed or timed-out calls that opens a
 * route's circuit
 * @param slidingWindowSize how many recent calls the failure rate is taken over
 * @param minimumNumberOfCalls how many calls a route needs before its failure rate counts
 * @param waitInOpenState how long an open circuit answers 503 without calling the service
 * before it lets a few trial calls through
 */
@ConfigurationProperties("carefin.gateway.resilience")
record ResilienceProperties(@DefaultValue("5s") Duration timeout, Map<String, Duration> timeouts,
		@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
		@DefaultValue("10") int minimumNumberOfCalls, @DefaultValue("30s") Duration waitInOpenState) {

	ResilienceProperties {
		timeouts = (timeouts != null) ? Map.copyOf(timeouts) : Map.of();
	}

	Duration timeoutOf(String route) {
		return this.timeouts.getOrDefault(route, this.timeout);
	}

	Duration longestTimeout() {
		return this.timeouts.values().stream().reduce(this.timeout, (a, b) -> (a.compareTo(b) >= 0) ? a : b);
	}

}
