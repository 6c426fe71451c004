package io.carefin.account.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.carefin.starter.BusinessDayProperties;

/**
 * Which business day an instant falls on, in its practice's time zone.
 */
@Component
public class BusinessCalendar {

	private final BusinessDayProperties properties;

	private final Clock clock;

	BusinessCalendar(BusinessDayProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The time zone of a practice's business day; the default zone for support staff
	 * ({@code null}).
	 */
	public ZoneId zoneOf(@Nullable UUID practiceId) {
		return this.properties.zoneOf(practiceId);
	}

	public LocalDate dateOf(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDate();
	}

	/**
	 * Today, by the service's clock, in a zone.
	 */
	public LocalDate today(ZoneId zone) {
		return dateOf(this.clock.instant(), zone);
	}

	/**
	 * Now, by the service's clock, to the microsecond PostgreSQL keeps: an instant
	 * answered when something is posted is then the same instant its history reads back.
	 */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
