package io.carefin.auth.user;

/**
 * A function of the provider portal that a practice user may be allowed to use.
 */
public enum Permission {

	PROCESS_PURCHASES, PROCESS_REFUNDS, PROCESS_APPLICATIONS, VIEW_REPORTS, MANAGE_USERS, MANAGE_PROMOTIONS

}
