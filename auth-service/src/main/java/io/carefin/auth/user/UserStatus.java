package io.carefin.auth.user;

/**
 * Whether a practice user's account can be used at all; a lock is separate and temporary.
 */
public enum UserStatus {

	/**
	 * Invited by a practice admin, no password set yet.
	 */
	INVITED,

	/**
	 * May sign in.
	 */
	ACTIVE,

	/**
	 * Stopped by support for a policy reason or after 90 idle days, until reactivated.
	 */
	SUSPENDED,

	/**
	 * Turned off by the practice.
	 */
	DISABLED

}
