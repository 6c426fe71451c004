package io.carefin.auth.audit;

/**
 * What happened to an account.
 */
public enum AuditAction {

	SIGN_IN, SECOND_FACTOR, LOCK, UNLOCK, SUSPEND, REACTIVATE, FACTOR_ENROL, RESET_REQUEST, RESET_REDEEM,
	USER_ID_REMINDER, LOGOUT

}
