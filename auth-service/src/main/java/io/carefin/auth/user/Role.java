package io.carefin.auth.user;

/**
 * What a practice user is in their practice.
 */
public enum Role {

	/**
	 * Manages the practice's users and promotions besides the daily work.
	 */
	PRACTICE_ADMIN,

	/**
	 * Does the daily work their permissions allow.
	 */
	PRACTICE_USER

}
