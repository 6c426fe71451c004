package io.carefin.reporting.businessday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.carefin.starter.BusinessDayProperties;

/**
 * Tells which business day an instant falls on for a practice.
 */
@Component
public class BusinessDays {

	private final BusinessDayProperties properties;

	BusinessDays(BusinessDayProperties properties) {
		this.properties = properties;
	}

	/**
	 * The practice's calendar day at the instant, in its time zone; the default zone when
	 * the practice is unknown.
	 */
	public LocalDate of(@Nullable UUID practiceId, Instant instant) {
		return LocalDate.ofInstant(instant, zoneOf(practiceId));
	}

	ZoneId zoneOf(@Nullable UUID practiceId) {
		return this.properties.zoneOf(practiceId);
	}

}
