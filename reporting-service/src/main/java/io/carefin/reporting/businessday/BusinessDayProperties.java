package io.carefin.reporting.businessday;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where practices' business days begin and end.
 *
 * @param zone the time zone of every practice without an override
 * @param practiceZones time zones of particular practices, by practice id
 */
@ConfigurationProperties("carefin.business-day")
public record BusinessDayProperties(@DefaultValue("America/New_York") ZoneId zone,
		@DefaultValue Map<UUID, ZoneId> practiceZones) {

	public BusinessDayProperties {
		practiceZones = Map.copyOf(practiceZones);
	}

}
