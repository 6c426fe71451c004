package io.carefin.financing;

/**
 * How a promotional plan charges interest.
 */
public enum PlanKind {

	/**
	 * "No interest if paid in full": interest accrues in the shadow at the standard APR
	 * and is charged only if the promotional balance is not paid by the end date.
	 */
	DEFERRED_INTEREST,

	/**
	 * A reduced APR repaid in fixed monthly payments over the plan's months.
	 */
	REDUCED_APR

}
