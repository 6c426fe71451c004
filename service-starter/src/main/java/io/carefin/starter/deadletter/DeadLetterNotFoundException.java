package io.carefin.starter.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * No parked record at that place on a dead-letter topic this service reads: 404.
 */
public class DeadLetterNotFoundException extends ErrorResponseException {

	DeadLetterNotFoundException() {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such dead letter.");
		problem.setType(ProblemTypes.forStatus(HttpStatus.NOT_FOUND));
		return problem;
	}

}
