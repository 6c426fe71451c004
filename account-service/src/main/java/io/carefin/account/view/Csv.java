package io.carefin.account.view;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes RFC 4180 CSV that a spreadsheet opens as data: a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with
 * a single quote so it is never read as a formula, and a cell with a comma, quote or line
 * break is quoted.
 */
final class Csv {

	private Csv() {
	}

	static String row(Object... cells) {
		return Arrays.stream(cells).map(String::valueOf).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quote = safe.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\r' || c == '\n');
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
