package io.carefin.portal.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The practice's business day, in the time zone the services count business days in.
 */
@Component
public class PracticeCalendar {

	private final Clock clock;

	private final ZoneId zone;

	PracticeCalendar(Clock clock, Properties properties) {
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	/**
	 * Today, where the practice is.
	 */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/**
	 * A moment as the practice's clock shows it, such as {@code 2026-12-07 10:04 EST}.
	 */
	public String time(java.time.Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.US)
			.withZone(this.zone)
			.format(instant);
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Where the practices are.
	 *
	 * @param timeZone the services' business-day time zone
	 */
	@ConfigurationProperties("carefin.portal.calendar")
	public record Properties(@DefaultValue("America/New_York") ZoneId timeZone) {

	}

}
