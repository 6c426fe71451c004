package io.carefin.reporting.config;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.carefin.reporting.rebuild.RebuildRefusedException;
import io.carefin.reporting.reports.InvalidReportRequestException;
import io.carefin.reporting.reports.PracticeNotFoundException;
import io.carefin.starter.web.ServiceProblemAdvice;

/**
 * reporting-service's one problem-details advice: bad report parameters, another
 * practice's figures, and a rebuild that could not start.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemAdvice {

	@ExceptionHandler(InvalidReportRequestException.class)
	ProblemDetail invalidReportRequest(InvalidReportRequestException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler(PracticeNotFoundException.class)
	ProblemDetail practiceNotFound(PracticeNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(RebuildRefusedException.class)
	ProblemDetail rebuildRefused(RebuildRefusedException ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage());
	}

}
