package io.carefin.account.account;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * No such account, or one the caller's practice may not see: both answer 404 alike.
 */
public class AccountNotFoundException extends ErrorResponseException {

	public AccountNotFoundException(UUID accountId) {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such account.");
		problem.setType(ProblemTypes.forStatus(HttpStatus.NOT_FOUND));
		return problem;
	}

}
