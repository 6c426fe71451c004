package io.carefin.transaction;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where practices' business days begin and end, under {@code carefin.business-day}.
 *
 * @param zone the time zone of every practice's business day unless overridden
 * @param practiceZones per-practice time zones
 */
@ConfigurationProperties("carefin.business-day")
public record BusinessDayProperties(@DefaultValue("America/New_York") ZoneId zone,
		@DefaultValue Map<UUID, ZoneId> practiceZones) {

	public BusinessDayProperties {
		practiceZones = Map.copyOf(practiceZones);
	}

}
