/**
 * Patients' credit lines: the limit an approval grants and the open-to-buy that purchases
 * use and payments free.
 */
@NullMarked
package io.carefin.transaction.creditline;

import org.jspecify.annotations.NullMarked;
