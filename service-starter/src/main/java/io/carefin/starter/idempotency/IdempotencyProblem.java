package io.carefin.starter.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * A request that the {@code Idempotency-Key} contract refuses; nothing was changed.
 */
public class IdempotencyProblem extends ErrorResponseException {

	private IdempotencyProblem(HttpStatus status, String type, String detail) {
		super(status, problem(status, type, detail), null);
	}

	static IdempotencyProblem missingKey() {
		return new IdempotencyProblem(HttpStatus.BAD_REQUEST, "idempotency-key-missing",
				"This request moves money: send an Idempotency-Key header (1 to 255 visible characters) "
						+ "and reuse it when you retry.");
	}

	static IdempotencyProblem reusedKey() {
		return new IdempotencyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"This Idempotency-Key was already used for a different request. Use a new key for a new request.");
	}

	static IdempotencyProblem inFlight() {
		return new IdempotencyProblem(HttpStatus.CONFLICT, "idempotency-key-in-flight",
				"A request with this Idempotency-Key is still being processed. Retry shortly with the same key.");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		return problem;
	}

}
