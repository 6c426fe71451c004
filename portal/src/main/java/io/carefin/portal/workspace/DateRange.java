package io.carefin.portal.workspace;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;

/**
 * The days a page shows, read from its {@code from} and {@code to} parameters: a missing
 * date takes the page's default, and a date that cannot be read, a start after the end or
 * more than {@link #MAX_DAYS} days is a sentence on the page, not a call to the API.
 *
 * @param from the first day
 * @param to the last day
 * @param errors what was wrong with the parameters, if anything
 */
public record DateRange(LocalDate from, LocalDate to, FormErrors errors) {

	/**
	 * The longest range a page asks the API for.
	 */
	public static final int MAX_DAYS = 366;

	/**
	 * The range the parameters name, {@code defaultFrom} to {@code today} where they name
	 * none.
	 */
	public static DateRange of(@Nullable String from, @Nullable String to, LocalDate defaultFrom, LocalDate today) {
		List<FormErrors.FieldError> problems = new ArrayList<>();
		LocalDate first = date(from, "from", "start", problems);
		LocalDate last = date(to, "to", "end", problems);
		first = (first != null) ? first : defaultFrom;
		last = (last != null) ? last : today;
		if (problems.isEmpty() && first.isAfter(last)) {
			problems.add(new FormErrors.FieldError("from", "The start date must be on or before the end date."));
		}
		else if (problems.isEmpty() && ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
			problems.add(new FormErrors.FieldError("to", "Choose a range of at most 366 days."));
		}
		return new DateRange(first, last, new FormErrors(problems));
	}

	private static @Nullable LocalDate date(@Nullable String value, String field, String which,
			List<FormErrors.FieldError> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FormErrors.FieldError(field, "Enter the " + which + " date as a date, like 2026-11-24."));
			return null;
		}
	}

}
