package io.carefin.account.ledger;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where practices' business days begin and end, under {@code carefin.business-day}.
 *
 * @param zone the time zone of every practice's business day unless overridden (default
 * {@code America/New_York})
 * @param practiceZones per-practice overrides
 */
@ConfigurationProperties("carefin.business-day")
public record BusinessDayProperties(@Nullable ZoneId zone, @Nullable Map<UUID, ZoneId> practiceZones) {

	public BusinessDayProperties {
		zone = (zone != null) ? zone : ZoneId.of("America/New_York");
		practiceZones = (practiceZones != null) ? Map.copyOf(practiceZones) : Map.of();
	}

}
