package io.carefin.auth.support;

/**
 * Why support suspends a practice user.
 */
enum SuspensionReason {

	POLICY_VIOLATION, SUSPECTED_FRAUD, PRACTICE_REQUEST, INACTIVITY, OTHER

}
