package io.carefin.transaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.carefin.starter.BusinessDayProperties;

/**
 * Tells which business day an instant falls on for a practice, in the practice's time
 * zone.
 */
@Component
public class BusinessDays {

	private final BusinessDayProperties properties;

	private final Clock clock;

	BusinessDays(BusinessDayProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The practice's time zone.
	 */
	public ZoneId zoneOf(UUID practiceId) {
		return this.properties.zoneOf(practiceId);
	}

	/**
	 * The practice's business day at an instant.
	 */
	public LocalDate dayOf(UUID practiceId, Instant instant) {
		return LocalDate.ofInstant(instant, zoneOf(practiceId));
	}

	/**
	 * The practice's business day now.
	 */
	public LocalDate today(UUID practiceId) {
		return dayOf(practiceId, this.clock.instant());
	}

}
