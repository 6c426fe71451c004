/**
 * Payments on patients' accounts, posted by support staff or by a practice on the
 * patient's behalf under an {@code Idempotency-Key}: amounts due first, then the excess
 * to the highest-APR balance, except in the last two months of a deferred-interest
 * promotion, which then comes first (Reg Z 1026.53(b)).
 */
@NullMarked
package io.carefin.account.payment;

import org.jspecify.annotations.NullMarked;
