package io.carefin.auth.maintenance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Maintenance mode as ops see it in the console.
 *
 * @param on whether maintenance is under way: turned on and its end time not yet passed
 * @param message what practices are told, while it is on
 * @param until when it ends by itself, while it is on
 * @param changedBy who changed it last
 * @param changedAt when it was changed last
 */
record MaintenanceStatus(boolean on, @Nullable String message, @Nullable Instant until, @Nullable String changedBy,
		@Nullable Instant changedAt) {

	static MaintenanceStatus of(MaintenanceSetting setting, Instant now) {
		boolean on = setting.onAt(now);
		return new MaintenanceStatus(on, on ? setting.message() : null, on ? setting.until() : null,
				setting.changedBy(), setting.changedAt());
	}

}
