/**
 * Patients' servicing accounts: opened from approved applications, with the patient's
 * profile encrypted at rest, found by keyed hashes of the account number or of last name
 * and date of birth, read by the practices the patient applied or bought at and, with a
 * stated reason and an audit record, by support staff.
 */
@NullMarked
package io.carefin.account.account;

import org.jspecify.annotations.NullMarked;
