package io.carefin.local;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Keeps the platform's parts running once it is ready: a part whose process ends while
 * the platform is not stopping is started again with the same command and environment,
 * after a back-off of one second that doubles with each restart up to thirty seconds, and
 * goes back to one second once the part has stayed up for a minute. Each restart is one
 * line on the launcher's output; the part's log goes on in the same file.
 */
final class Supervisor {

	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/**
	 * Up this long, a part is healthy again: its next failure waits the first back-off.
	 */
	static final Duration STEADY = Duration.ofSeconds(60);

	private static final Duration TICK = Duration.ofMillis(250);

	private final List<Child> children;

	private final BooleanSupplier stopping;

	private final PrintStream out;

	private final Map<String, Duration> nextBackoff = new HashMap<>();

	private final Map<String, Instant> restartAt = new HashMap<>();

	Supervisor(List<Child> children, BooleanSupplier stopping, PrintStream out) {
		this.children = children;
		this.stopping = stopping;
		this.out = out;
	}

	/**
	 * Watches the parts until the platform stops.
	 */
	void watch() throws InterruptedException {
		while (!this.stopping.getAsBoolean()) {
			tick(Instant.now());
			Thread.sleep(TICK);
		}
	}

	private void tick(Instant now) {
		for (Child child : this.children) {
			if (this.stopping.getAsBoolean()) {
				return;
			}
			if (child.alive() || child.stopRequested()) {
				continue;
			}
			Instant due = this.restartAt.get(child.name());
			if (due == null) {
				Duration backoff = backoff(child.name(), child.upFor(now));
				this.restartAt.put(child.name(), now.plus(backoff));
				this.out.printf("%s stopped (exit %d); restarting in %d s%n", child.name(), child.exitValue(),
						backoff.toSeconds());
			}
			else if (!now.isBefore(due)) {
				this.restartAt.remove(child.name());
				try {
					child.restart();
				}
				catch (UncheckedIOException ex) {
					// still down: the next tick gives it the next back-off
					this.out.printf("%s could not be restarted (%s)%n", child.name(), ex.getMessage());
				}
			}
		}
	}

	/**
	 * The wait before a part that ran for {@code up} is started again, and the doubling
	 * of the next one.
	 */
	private Duration backoff(String name, Duration up) {
		Duration backoff = (up.compareTo(STEADY) >= 0) ? FIRST_BACKOFF
				: this.nextBackoff.getOrDefault(name, FIRST_BACKOFF);
		Duration doubled = backoff.multipliedBy(2);
		this.nextBackoff.put(name, (doubled.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : doubled);
		return backoff;
	}

}
