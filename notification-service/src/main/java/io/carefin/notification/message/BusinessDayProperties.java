package io.carefin.notification.message;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time zone a practice works in, for the times its users and patients read.
 *
 * @param zone the platform's default zone
 * @param practiceZones per-practice overrides
 */
@ConfigurationProperties("carefin.business-day")
public record BusinessDayProperties(@DefaultValue("America/New_York") ZoneId zone,
		@DefaultValue Map<UUID, ZoneId> practiceZones) {

	/**
	 * The zone of a practice, or the default one.
	 */
	public ZoneId zoneOf(UUID practiceId) {
		return this.practiceZones.getOrDefault(practiceId, this.zone);
	}

}
