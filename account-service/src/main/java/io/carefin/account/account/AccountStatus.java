package io.carefin.account.account;

/**
 * Where an account stands.
 */
public enum AccountStatus {

	/** Open: purchases, payments and interest as usual. */
	ACTIVE,
	/**
	 * Closed at the patient's or the lender's request: what is owed is still owed and
	 * paid.
	 */
	CLOSED,
	/** Written off as a loss after long delinquency; payments are still taken. */
	CHARGED_OFF

}
