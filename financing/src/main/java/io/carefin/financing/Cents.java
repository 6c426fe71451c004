package io.carefin.financing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Dollar amounts as {@link BigDecimal}s of scale 2, rounded the one way the platform
 * rounds.
 */
public final class Cents {

	/**
	 * Zero dollars.
	 */
	public static final BigDecimal ZERO = new BigDecimal("0.00");

	private Cents() {
	}

	/**
	 * Rounds half-up to the cent, as interest and amortised payments are rounded.
	 */
	public static BigDecimal halfUp(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Rounds up to the next cent, as an amount that must clear a balance in time is.
	 */
	public static BigDecimal up(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.CEILING);
	}

	/**
	 * The amount at scale 2, refusing fractions of a cent.
	 * @throws IllegalArgumentException when the amount has fractions of a cent
	 */
	public static BigDecimal exact(BigDecimal amount) {
		try {
			return amount.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("Amounts are whole cents, not " + amount.toPlainString(), ex);
		}
	}

}
