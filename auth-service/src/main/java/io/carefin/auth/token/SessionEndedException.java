package io.carefin.auth.token;

/**
 * A refresh token that cannot be exchanged: unknown, replayed, expired, or its user can
 * no longer sign in. The answer is the same for each.
 */
public class SessionEndedException extends RuntimeException {

	SessionEndedException() {
		super("The session has ended; sign in again.");
	}

}
