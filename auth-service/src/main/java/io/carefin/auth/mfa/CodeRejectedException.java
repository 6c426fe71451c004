package io.carefin.auth.mfa;

/**
 * A code that does not confirm the factor being enrolled: wrong, used or expired.
 */
public class CodeRejectedException extends RuntimeException {

	CodeRejectedException() {
		super("That code does not match; check it or ask for a new one.");
	}

}
