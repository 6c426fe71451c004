package io.carefin.auth.audit;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 4180 CSV that a spreadsheet opens as data: a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with
 * a single quote so it is never read as a formula, and a cell with a comma, quote or line
 * break is quoted. An absent value is an empty cell.
 */
final class Csv {

	static final String MEDIA_TYPE = "text/csv";

	private Csv() {
	}

	static String row(List<?> cells) {
		return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	static String cell(@Nullable Object cell) {
		String value = (cell != null) ? cell.toString() : "";
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quote = safe.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\r' || c == '\n');
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
