package io.carefin.portal.staff;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Times as the console shows them ({@code @staffTimes.of(…)} in its pages): in UTC, the
 * clock staff, the logs and the alerts share, to the second, such as
 * {@code 7 Dec 2026, 19:20:04 UTC}; an absent time is empty.
 */
@Component
public class StaffTimes {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
			Locale.UK);

	public String of(@Nullable Instant instant) {
		return (instant != null) ? FORMAT.format(instant.atOffset(ZoneOffset.UTC)) : "";
	}

}
