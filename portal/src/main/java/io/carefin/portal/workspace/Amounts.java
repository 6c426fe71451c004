package io.carefin.portal.workspace;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Dollar amounts as people type them: {@code 1234.5}, {@code $1,234.50}.
 */
public final class Amounts {

	private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,2})?");

	private Amounts() {
	}

	/**
	 * The amount typed, in dollars and cents; none when the text is not an amount of at
	 * most two decimals.
	 */
	public static @Nullable BigDecimal parse(@Nullable String typed) {
		if (typed == null) {
			return null;
		}
		String plain = typed.strip().replace("$", "").replace(",", "").strip();
		if (!AMOUNT.matcher(plain).matches()) {
			return null;
		}
		return new BigDecimal(plain).setScale(2);
	}

}
