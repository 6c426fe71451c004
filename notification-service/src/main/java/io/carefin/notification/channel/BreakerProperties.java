package io.carefin.notification.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the channels' circuit breakers decide that a provider is down and when they try it
 * again.
 *
 * @param failureRateThreshold the failure percentage that opens a breaker
 * @param slidingWindowSize how many recent calls are counted
 * @param minimumNumberOfCalls how many calls are needed before the rate counts
 * @param waitInOpenState how long an open breaker refuses calls
 * @param permittedCallsInHalfOpenState how many trial calls a half-open breaker lets
 * through
 * @param maxWaitForPermission how long a delivery waits for an open breaker to let a
 * trial call through before it counts as a failed attempt
 */
@ConfigurationProperties("carefin.notification.breaker")
public record BreakerProperties(@DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
		@DefaultValue("10s") Duration waitInOpenState, @DefaultValue("3") int permittedCallsInHalfOpenState,
		@DefaultValue("15s") Duration maxWaitForPermission) {

}
