package io.carefin.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock that tests move forward instead of sleeping: lock expiry, session timeouts,
 * promotion end dates. {@code @Import(MovableClock.Configuration.class)} makes it the
 * service's clock.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MovableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/**
	 * Moves the clock forward.
	 */
	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	/**
	 * Replaces a service's clock with a movable one that starts at the real time, on a
	 * whole millisecond: PostgreSQL keeps microseconds and rounds, so a nanosecond start
	 * would store deadlines up to half a microsecond off the instants the test moves to.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		MovableClock clock() {
			return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		}

	}

}
