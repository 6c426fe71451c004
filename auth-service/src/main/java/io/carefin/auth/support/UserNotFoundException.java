package io.carefin.auth.support;

/**
 * No practice user signs in with the given user ID.
 */
public class UserNotFoundException extends RuntimeException {

	public UserNotFoundException() {
		super("No user has this user ID.");
	}

}
