package io.carefin.contracts.transaction;

import org.jspecify.annotations.Nullable;

/**
 * A US postal address.
 *
 * @param line1 street and number
 * @param line2 apartment, suite or unit, when there is one
 * @param city the city
 * @param state the two-letter state code
 * @param postalCode the ZIP code
 */
public record Address(String line1, @Nullable String line2, String city, String state, String postalCode) {

	@Override
	public String toString() {
		return "Address[…]";
	}

}
