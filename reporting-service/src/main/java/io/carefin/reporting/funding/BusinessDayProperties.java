package io.carefin.reporting.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where practices' business days begin and end.
 *
 * @param zone the time zone that decides which day an event belongs to
 */
@ConfigurationProperties("carefin.reporting")
record BusinessDayProperties(@DefaultValue("America/New_York") ZoneId zone) {

	LocalDate businessDay(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone);
	}

}
