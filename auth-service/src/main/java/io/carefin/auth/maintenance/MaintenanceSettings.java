package io.carefin.auth.maintenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one row that holds the maintenance mode.
 */
@Repository
class MaintenanceSettings {

	private final JdbcClient jdbc;

	MaintenanceSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The current setting.
	 */
	MaintenanceSetting current() {
		return read("SELECT is_on, message, until, changed_by, changed_at FROM maintenance_mode WHERE id = 1");
	}

	/**
	 * The current setting, locked until the transaction ends, so that two changes made at
	 * once are made one after the other and announced in that order.
	 */
	MaintenanceSetting currentForUpdate() {
		return read(
				"SELECT is_on, message, until, changed_by, changed_at FROM maintenance_mode WHERE id = 1 FOR UPDATE");
	}

	void save(MaintenanceSetting setting) {
		this.jdbc.sql("""
				UPDATE maintenance_mode SET is_on = :on, message = :message, until = :until, changed_by = :changedBy,
				changed_at = :changedAt WHERE id = 1
				""")
			.param("on", setting.on())
			.param("message", setting.message())
			.param("until", utc(setting.until()))
			.param("changedBy", setting.changedBy())
			.param("changedAt", utc(setting.changedAt()))
			.update();
	}

	private MaintenanceSetting read(String sql) {
		return this.jdbc.sql(sql)
			.query((row, number) -> new MaintenanceSetting(row.getBoolean("is_on"), row.getString("message"),
					instant(row.getObject("until", OffsetDateTime.class)), row.getString("changed_by"),
					instant(row.getObject("changed_at", OffsetDateTime.class))))
			.single();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
