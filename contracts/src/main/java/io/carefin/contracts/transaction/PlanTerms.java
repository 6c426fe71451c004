package io.carefin.contracts.transaction;

import java.math.BigDecimal;

/**
 * The terms of a promotional plan as they stood when a purchase was made, so that the
 * account bills what the purchase promised even after the catalogue changes.
 *
 * @param code the plan's code, such as {@code DEFERRED_12} or {@code FIXED_24}
 * @param kind {@code DEFERRED_INTEREST} or {@code REDUCED_APR}
 * @param months the promotion's length in months
 * @param apr the plan's APR in percent (0.00 for deferred-interest plans)
 * @param standardApr the standard purchase APR in percent: deferred interest accrues at
 * it and balances left after the promotion carry it
 */
public record PlanTerms(String code, String kind, int months, BigDecimal apr, BigDecimal standardApr) {

}
