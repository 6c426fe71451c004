package io.carefin.auth.audit;

/**
 * An auditor asked for a date range that cannot be read: backwards or too long.
 */
public class InvalidAuditRangeException extends RuntimeException {

	private final String field;

	private final String problem;

	InvalidAuditRangeException(String field, String problem) {
		super("The date range is not valid.");
		this.field = field;
		this.problem = problem;
	}

	/**
	 * The parameter at fault, {@code from} or {@code to}.
	 */
	public String field() {
		return this.field;
	}

	/**
	 * What is wrong with it.
	 */
	public String problem() {
		return this.problem;
	}

}
