/**
 * Patients' accounts: the lookup (by last name and date of birth, or by account number),
 * and an account's balances, promotions, activity and payments, masked to its last four
 * digits.
 */
@NullMarked
package io.carefin.portal.account;

import org.jspecify.annotations.NullMarked;
