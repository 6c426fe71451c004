package io.carefin.portal.staff;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * CSV lines (RFC 4180) whose cells a spreadsheet never runs as formulas.
 */
final class Csv {

	private Csv() {
	}

	static String row(@Nullable String... cells) {
		return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String text = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
