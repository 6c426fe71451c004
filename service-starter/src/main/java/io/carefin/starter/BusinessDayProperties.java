package io.carefin.starter;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where practices' business days begin and end, under {@code carefin.business-day}: the
 * same setting in every service, so that a purchase, its settlement, its ledger entry,
 * its report row and its receipt agree on the day.
 *
 * @param zone the time zone of every practice's business day unless overridden
 * @param practiceZones per-practice time zones, by practice id
 */
@ConfigurationProperties("carefin.business-day")
public record BusinessDayProperties(@DefaultValue("America/New_York") ZoneId zone,
		@DefaultValue Map<UUID, ZoneId> practiceZones) {

	public BusinessDayProperties {
		practiceZones = Map.copyOf(practiceZones);
	}

	/**
	 * The time zone of a practice's business day, or the default zone when the practice
	 * is unknown ({@code null}) or has no override.
	 */
	public ZoneId zoneOf(@Nullable UUID practiceId) {
		ZoneId practiceZone = (practiceId != null) ? this.practiceZones.get(practiceId) : null;
		return (practiceZone != null) ? practiceZone : this.zone;
	}

}
