package io.carefin.auth.audit;

/**
 * What happened to an account or, for ops' actions, to a practice.
 */
public enum AuditAction {

	SIGN_IN, SECOND_FACTOR, LOCK, UNLOCK, SUSPEND, REACTIVATE, FACTOR_ENROL, FACTOR_REMOVE, RESET_REQUEST, RESET_REDEEM,
	PASSWORD_CHANGE, USER_ID_REMINDER, LOGOUT, INVITE, ACTIVATE, CHANGE_ACCESS, DISABLE, ENABLE,

	/**
	 * A practice admin or support sent an invited user a new activation link.
	 */
	INVITE_RESEND,

	/**
	 * Ops enrolled a practice.
	 */
	PRACTICE_ENROL,

	/**
	 * Ops changed a practice's details.
	 */
	PRACTICE_CHANGE,

	/**
	 * Ops closed a practice.
	 */
	PRACTICE_CLOSE,

	/**
	 * Ops turned maintenance mode on (its message is the entry's reason).
	 */
	MAINTENANCE_ON,

	/**
	 * Ops turned maintenance mode off.
	 */
	MAINTENANCE_OFF

}
