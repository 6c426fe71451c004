package io.carefin.auth.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.auth.MaintenanceChanged;

/**
 * The platform's maintenance mode as ops last set it, and who set it: maintenance is on
 * while it was turned on and its end time has not passed.
 *
 * @param on whether ops turned it on
 * @param message what practices are told while it is on
 * @param until when it ends by itself
 * @param changedBy the staff member who changed it last: their user name, or their
 * subject when the token has none
 * @param changedAt when it was changed last
 */
record MaintenanceSetting(boolean on, @Nullable String message, @Nullable Instant until, @Nullable String changedBy,
		@Nullable Instant changedAt) {

	/**
	 * The longest maintenance ops may announce at once.
	 */
	static final Duration LONGEST = Duration.ofDays(7);

	/**
	 * Maintenance turned on until a time after now and no more than {@link #LONGEST}
	 * ahead.
	 * @throws MaintenanceRejectedException when the end time is not in that range
	 */
	static MaintenanceSetting turnedOn(String message, Instant until, String by, Instant now) {
		if (!until.isAfter(now)) {
			throw new MaintenanceRejectedException("until", "must be in the future");
		}
		if (until.isAfter(now.plus(LONGEST))) {
			throw new MaintenanceRejectedException("until", "must be at most 7 days ahead");
		}
		return new MaintenanceSetting(true, message.strip(), until, by, now);
	}

	/**
	 * Maintenance turned off.
	 */
	static MaintenanceSetting turnedOff(String by, Instant now) {
		return new MaintenanceSetting(false, null, null, by, now);
	}

	/**
	 * Whether maintenance is under way at the given time.
	 */
	boolean onAt(Instant now) {
		return this.on && this.until != null && this.until.isAfter(now);
	}

	/**
	 * The change, made at the given time, as the gateway and the portal learn of it.
	 */
	MaintenanceChanged changed(Instant at) {
		return new MaintenanceChanged(UUID.randomUUID(), at, this.on, this.message, this.until);
	}

}
