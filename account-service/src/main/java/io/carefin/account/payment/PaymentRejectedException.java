package io.carefin.account.payment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * A payment larger than what the account's balances owe; nothing was posted.
 */
class PaymentRejectedException extends ErrorResponseException {

	PaymentRejectedException(String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(detail), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		problem.setType(ProblemTypes.of("payment-exceeds-balance"));
		return problem;
	}

}
