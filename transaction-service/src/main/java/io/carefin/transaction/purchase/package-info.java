/**
 * Purchases on a patient's credit line, their refunds and voids, and the end-of-day
 * settlement that funds the practice.
 */
@NullMarked
package io.carefin.transaction.purchase;

import org.jspecify.annotations.NullMarked;
