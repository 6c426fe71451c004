package io.carefin.auth.user;

/**
 * A function of the provider portal that a practice user may be allowed to use.
 */
public enum Permission {

	PROCESS_PURCHASES, PROCESS_REFUNDS, PROCESS_APPLICATIONS, VIEW_REPORTS, MANAGE_USERS, MANAGE_PROMOTIONS,

	/**
	 * Post a payment a patient made at the front desk; it is deducted from the practice's
	 * next funding (ADR 0018).
	 */
	POST_PAYMENTS

}
