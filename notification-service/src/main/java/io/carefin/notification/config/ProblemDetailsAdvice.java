package io.carefin.notification.config;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.carefin.notification.deadletter.DeadLetterNotFoundException;
import io.carefin.notification.deadletter.DeadLetterReplayedException;
import io.carefin.starter.web.ProblemTypes;
import io.carefin.starter.web.ServiceProblemAdvice;

/**
 * notification-service's one problem-details advice; its business exceptions map here.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemAdvice {

	@ExceptionHandler(DeadLetterNotFoundException.class)
	ProblemDetail deadLetterNotFound(DeadLetterNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "There is no such dead letter.");
	}

	@ExceptionHandler(DeadLetterReplayedException.class)
	ProblemDetail deadLetterReplayed(DeadLetterReplayedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This dead letter was already sent back to its topic; a new failure parks a new one.");
		problem.setType(ProblemTypes.of("dead-letter-replayed"));
		return problem;
	}

}
