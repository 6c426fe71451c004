package io.carefin.starter.maintenance;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.auth.MaintenanceChanged;

/**
 * The platform's maintenance mode as this replica last heard of it on
 * {@code auth.maintenance}: the latest change holds, and maintenance that was turned on
 * is over once its end time has passed, by the service's clock, even if nobody turned it
 * off.
 */
public final class MaintenanceMode {

	private final AtomicReference<@Nullable MaintenanceChanged> latest = new AtomicReference<>();

	private final Clock clock;

	/**
	 * A mode that is off until it hears otherwise.
	 * @param clock the service's clock, which ends maintenance at its end time
	 */
	public MaintenanceMode(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Takes a change unless a later one is already known: the outbox may send an older
	 * change again after a newer one.
	 */
	public void apply(MaintenanceChanged change) {
		this.latest.accumulateAndGet(change,
				(known, next) -> (known == null || !next.occurredAt().isBefore(known.occurredAt())) ? next : known);
	}

	/**
	 * The maintenance under way now, if any.
	 */
	public Optional<Maintenance> current() {
		MaintenanceChanged change = this.latest.get();
		if (change == null || !change.on() || change.message() == null || change.until() == null
				|| !change.until().isAfter(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(new Maintenance(change.message(), change.until()));
	}

}
