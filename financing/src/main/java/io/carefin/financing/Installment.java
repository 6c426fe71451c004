package io.carefin.financing;

import java.math.BigDecimal;

/**
 * One monthly payment of a fixed-payment schedule.
 *
 * @param number 1 for the first payment
 * @param payment what the patient pays that month
 * @param interest the part of the payment that is interest
 * @param principal the part of the payment that repays the purchase
 * @param balanceAfter what is left of the purchase after this payment
 */
public record Installment(int number, BigDecimal payment, BigDecimal interest, BigDecimal principal,
		BigDecimal balanceAfter) {

}
