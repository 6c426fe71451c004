package io.carefin.auth.signin;

/**
 * A sign-in that did not succeed, for whatever reason; the reason is never told.
 */
public class SignInFailedException extends RuntimeException {

	SignInFailedException() {
		super("The user ID or password is incorrect, or this account cannot sign in right now.");
	}

}
