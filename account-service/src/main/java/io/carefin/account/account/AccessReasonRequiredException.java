package io.carefin.account.account;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * Support staff asked for a patient's account without saying why.
 */
public class AccessReasonRequiredException extends ErrorResponseException {

	AccessReasonRequiredException() {
		super(HttpStatus.BAD_REQUEST, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Support access to a patient's account needs a reason: send it in the X-Access-Reason header "
						+ "(1 to 500 characters), such as the ticket you are working on.");
		problem.setType(ProblemTypes.of("access-reason-required"));
		return problem;
	}

}
