package io.carefin.account.payment;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A payment to post.
 *
 * @param amount the amount paid, in dollars and whole cents
 */
record PaymentRequest(
		@NotNull @Positive @Digits(integer = 9, fraction = 2) @DecimalMax("1000000.00") BigDecimal amount) {

}
