/**
 * account-service owns patients' financing accounts: an append-only ledger built from
 * transaction-service's purchase events and from payments, balances derived from it, and
 * the audited support view.
 */
@NullMarked
package io.carefin.account;

import org.jspecify.annotations.NullMarked;
