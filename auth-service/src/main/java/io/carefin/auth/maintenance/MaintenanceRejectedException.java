package io.carefin.auth.maintenance;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.carefin.starter.web.ProblemTypes;

/**
 * A maintenance request whose end time ops may not set: answered as invalid input (400)
 * with the field's error, like a request that failed validation, and nothing changes.
 */
class MaintenanceRejectedException extends ErrorResponseException {

	MaintenanceRejectedException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, problem(field, message), null);
	}

	private static ProblemDetail problem(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Maintenance must end in the future and at most 7 days ahead.");
		problem.setType(ProblemTypes.forStatus(HttpStatus.BAD_REQUEST));
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

}
