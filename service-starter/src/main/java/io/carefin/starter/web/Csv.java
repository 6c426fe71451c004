package io.carefin.starter.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 4180 CSV that a spreadsheet opens as data, for every export CareFin streams:
 * a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is prefixed with a single quote so it is never read as a formula (negative
 * amounts too), a cell with a comma, quote or line break is quoted, an absent value is an
 * empty cell, and every row ends with CRLF.
 */
public final class Csv {

	public static final String MEDIA_TYPE = "text/csv";

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private Csv() {
	}

	/**
	 * One row of the cells, in order, each written with {@code toString()}.
	 */
	public static String row(List<?> cells) {
		return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	/**
	 * One row of the cells, in order, each written with {@code toString()}.
	 */
	public static String row(@Nullable Object... cells) {
		return row(Arrays.asList(cells));
	}

	/**
	 * One cell, defused and quoted as needed.
	 */
	public static String cell(@Nullable Object cell) {
		String value = (cell != null) ? cell.toString() : "";
		String safe = (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quote = safe.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\r' || c == '\n');
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
