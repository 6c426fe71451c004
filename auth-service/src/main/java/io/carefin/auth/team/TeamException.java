package io.carefin.auth.team;

/**
 * A change to the team that a rule refuses, in a sentence the admin can act on.
 */
public class TeamException extends RuntimeException {

	private final String type;

	TeamException(String type, String message) {
		super(message);
		this.type = type;
	}

	/**
	 * The problem type's name, such as {@code user-id-unavailable}.
	 */
	public String type() {
		return this.type;
	}

}
