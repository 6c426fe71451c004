/**
 * The account ledger: append-only entries, each linked to the event, request or
 * business-day rule that caused it; promotional balances per purchase on its plan's
 * terms; the business day that accrues and charges interest and ends promotions; and the
 * check that recomputes every balance from the entries.
 */
@NullMarked
package io.carefin.account.ledger;

import org.jspecify.annotations.NullMarked;
