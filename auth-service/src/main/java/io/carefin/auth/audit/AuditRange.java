package io.carefin.auth.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * The days, in UTC and both included, that an auditor reads: the last seven by default,
 * at most {@value #MAX_DAYS}.
 *
 * @param from the first day
 * @param to the last day
 */
record AuditRange(LocalDate from, LocalDate to) {

	static final int MAX_DAYS = 366;

	private static final int DEFAULT_DAYS = 7;

	/**
	 * The range a request names; a missing end is today, a missing start the end's last
	 * seven days.
	 * @throws InvalidAuditRangeException when the start is after the end or the range is
	 * longer than {@value #MAX_DAYS} days
	 */
	static AuditRange of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
		LocalDate last = (to != null) ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		if (first.isAfter(last)) {
			throw new InvalidAuditRangeException("from", "must be on or before 'to'");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			throw new InvalidAuditRangeException("to",
					"must be at most " + MAX_DAYS + " days from 'from', both included");
		}
		return new AuditRange(first, last);
	}

	Instant start() {
		return this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * The first instant after the range.
	 */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
