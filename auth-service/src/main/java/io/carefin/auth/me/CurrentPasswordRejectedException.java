package io.carefin.auth.me;

/**
 * A password change refused because the current password did not prove the user, for
 * whatever reason: wrong, or the account locked or unable to sign in. The reason is never
 * told.
 */
public class CurrentPasswordRejectedException extends RuntimeException {

	CurrentPasswordRejectedException() {
		super("The current password is incorrect, or this account cannot change its password right now.");
	}

}
