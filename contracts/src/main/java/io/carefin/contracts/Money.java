package io.carefin.contracts;

import java.math.BigDecimal;

/**
 * The rule for amounts on the wire: US dollars as a {@link BigDecimal} with exactly two
 * decimals.
 */
public final class Money {

	private Money() {
	}

	/**
	 * Returns the amount unchanged when it has at most two decimals, at scale 2.
	 * @param amount a dollar amount
	 * @return the amount with scale 2
	 * @throws IllegalArgumentException when the amount has fractions of a cent
	 */
	public static BigDecimal dollars(BigDecimal amount) {
		try {
			return amount.setScale(2);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("Amounts are whole cents, not " + amount.toPlainString(), ex);
		}
	}

}
