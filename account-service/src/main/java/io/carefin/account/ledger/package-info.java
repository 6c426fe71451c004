/**
 * The account ledger: append-only entries, each linked to the event or request that
 * caused it.
 */
@NullMarked
package io.carefin.account.ledger;

import org.jspecify.annotations.NullMarked;
