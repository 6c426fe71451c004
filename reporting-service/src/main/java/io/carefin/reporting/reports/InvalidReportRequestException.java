package io.carefin.reporting.reports;

import java.util.List;

/**
 * A report was asked for with parameters it cannot take; answered with 400 and the
 * parameters' problems.
 */
public class InvalidReportRequestException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidReportRequestException(String message, List<FieldProblem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * What is wrong with one request parameter.
	 *
	 * @param field the parameter's name
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {
	}

}
