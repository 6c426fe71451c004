/**
 * Patients' credit lines: the account an approval opens (its number made here, stored
 * encrypted and found by its keyed hash), the limit it grants, the open-to-buy that
 * purchases use and refunds, voids and payments free, and which practices may use it.
 */
@NullMarked
package io.carefin.transaction.creditline;

import org.jspecify.annotations.NullMarked;
