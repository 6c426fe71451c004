package io.carefin.auth.mfa;

/**
 * A second-factor answer that did not sign the user in, for whatever reason; the reason
 * is never told.
 */
public class ChallengeFailedException extends RuntimeException {

	ChallengeFailedException() {
		super("The code is incorrect or has expired, or this account cannot sign in right now.");
	}

}
