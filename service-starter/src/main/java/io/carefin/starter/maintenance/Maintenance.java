package io.carefin.starter.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Maintenance under way: what practices are told, and when it ends.
 *
 * @param message what ops wrote for practices
 * @param until when it ends by itself
 */
public record Maintenance(String message, Instant until) {

	/**
	 * How long until it ends, in whole seconds rounded up and at least one: what a client
	 * is told to wait before it tries again.
	 */
	public long retryAfterSeconds(Clock clock) {
		Duration left = Duration.between(clock.instant(), this.until);
		long seconds = left.toSeconds() + ((left.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
