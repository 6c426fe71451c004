package io.carefin.auth.recovery;

/**
 * A reset or activation link that is unknown, used or expired.
 */
public class LinkInvalidException extends RuntimeException {

	public LinkInvalidException() {
		super("This link is no longer valid; ask for a new one.");
	}

}
