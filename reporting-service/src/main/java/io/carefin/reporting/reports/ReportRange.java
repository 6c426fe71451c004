package io.carefin.reporting.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.carefin.reporting.reports.InvalidReportRequestException.FieldProblem;

/**
 * The business days a report covers, both ends included: at most {@value #MAX_DAYS} days.
 *
 * @param from the first day
 * @param to the last day
 */
public record ReportRange(LocalDate from, LocalDate to) {

	/**
	 * The longest range a report covers, in days.
	 */
	public static final int MAX_DAYS = 366;

	/**
	 * The range from the request's {@code from} and {@code to} parameters.
	 * @throws InvalidReportRequestException when either is missing or not an ISO date,
	 * {@code from} is after {@code to}, or the range is longer than {@value #MAX_DAYS}
	 * days
	 */
	public static ReportRange of(@Nullable String from, @Nullable String to) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate first = date("from", from, problems);
		LocalDate last = date("to", to, problems);
		if (first != null && last != null) {
			if (first.isAfter(last)) {
				problems.add(new FieldProblem("from", "must be on or before 'to'"));
			}
			else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
				problems
					.add(new FieldProblem("to", "must be at most " + MAX_DAYS + " days from 'from', both included"));
			}
		}
		if (!problems.isEmpty() || first == null || last == null) {
			throw new InvalidReportRequestException("The report's date range is not valid.", problems);
		}
		return new ReportRange(first, last);
	}

	private static @Nullable LocalDate date(String name, @Nullable String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(name, "is required, as an ISO date such as 2026-11-24"));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(name, "must be an ISO date such as 2026-11-24"));
			return null;
		}
	}

}
