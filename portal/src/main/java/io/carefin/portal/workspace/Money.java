package io.carefin.portal.workspace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Amounts in US dollars as pages show them ({@code @money.of(amount)} in templates):
 * {@code $1,234.50}, a credit as {@code −$5.00}; and percentages.
 */
@Component("money")
public class Money {

	/**
	 * The amount as {@code $1,234.50}; a dash for none.
	 */
	public String of(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		String digits = format("#,##0.00", amount.abs().setScale(2, RoundingMode.HALF_UP));
		return (amount.signum() < 0) ? "−$" + digits : "$" + digits;
	}

	/**
	 * A fraction as a percentage with one decimal, such as {@code 66.7%}; a dash for
	 * none.
	 */
	public String percent(@Nullable BigDecimal fraction) {
		if (fraction == null) {
			return "—";
		}
		return format("0.0", fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
	}

	/**
	 * An APR as {@code 14.90%}.
	 */
	public String apr(@Nullable BigDecimal apr) {
		return (apr != null) ? format("0.00", apr.setScale(2, RoundingMode.HALF_UP)) + "%" : "—";
	}

	private static String format(String pattern, BigDecimal value) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US)).format(value);
	}

}
