package io.carefin.account.ledger;

/**
 * What a ledger entry records; charges are positive, credits negative.
 */
public enum EntryKind {

	/** A purchase charged to a promotional balance. */
	PURCHASE,
	/** A refund of part or all of a purchase. */
	REFUND,
	/** The reversal of what was left of a voided purchase. */
	VOID,
	/** A payment, or its part allocated to one balance. */
	PAYMENT,
	/** A month's interest on a fixed-payment plan or a balance past its promotion. */
	INTEREST,
	/** The deferred interest of a promotion not paid in full by its end date. */
	DEFERRED_INTEREST,
	/** A correction. */
	ADJUSTMENT

}
