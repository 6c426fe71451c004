package io.carefin.starter.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * The parked record was already sent back to its topic: 409 {@code dead-letter-replayed}.
 */
public class DeadLetterReplayedException extends ErrorResponseException {

	DeadLetterReplayedException() {
		super(HttpStatus.CONFLICT, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This dead letter was already sent back to its topic; a new failure parks a new one.");
		problem.setType(ProblemTypes.of("dead-letter-replayed"));
		return problem;
	}

}
