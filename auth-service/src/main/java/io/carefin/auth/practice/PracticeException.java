package io.carefin.auth.practice;

/**
 * A change to a practice that a rule refuses (a code, merchant ID or user ID that is
 * taken, a practice that is closed), in a sentence ops can act on.
 */
public class PracticeException extends RuntimeException {

	private final String type;

	PracticeException(String type, String message) {
		super(message);
		this.type = type;
	}

	/**
	 * The problem type's name, such as {@code practice-code-taken}.
	 */
	public String type() {
		return this.type;
	}

}
