package io.carefin.transaction;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * A request that a business rule refuses, answered as a problem with a stable type;
 * nothing was changed.
 */
public final class Refusal extends ErrorResponseException {

	private Refusal(HttpStatus status, String type, String detail) {
		super(status, problem(status, type, detail), null);
	}

	/**
	 * No such object, or one that belongs to another practice: the same answer for both.
	 */
	public static Refusal notFound(String what) {
		return new Refusal(HttpStatus.NOT_FOUND, "not-found", "No such " + what + ".");
	}

	/**
	 * The object's current state does not allow the request.
	 */
	public static Refusal conflict(String type, String detail) {
		return new Refusal(HttpStatus.CONFLICT, type, detail);
	}

	/**
	 * Well-formed, but a business rule refuses it.
	 */
	public static Refusal unprocessable(String type, String detail) {
		return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, type, detail);
	}

	/**
	 * A field is invalid in a way bean validation cannot say.
	 */
	public static Refusal invalid(String field, String message) {
		Refusal refusal = new Refusal(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid.");
		refusal.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return refusal;
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		return problem;
	}

}
