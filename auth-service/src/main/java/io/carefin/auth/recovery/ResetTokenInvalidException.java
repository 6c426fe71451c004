package io.carefin.auth.recovery;

/**
 * A reset token that is unknown, used or expired.
 */
public class ResetTokenInvalidException extends RuntimeException {

	ResetTokenInvalidException() {
		super("This reset link is no longer valid; ask for a new one.");
	}

}
