package io.carefin.starter.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of each service's one problem-details advice: Spring MVC's own errors, failed
 * authentication and authorization, invalid request bodies with their field errors, and
 * anything unexpected, each as a problem with a stable {@code type}. A service extends it
 * with handlers for its own business exceptions.
 */
public abstract class ServiceProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ServiceProblemAdvice.class);

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail unauthenticated(AuthenticationException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "A valid access token is required.");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ex.getBody();
		List<Map<String, @Nullable String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ServiceProblemAdvice::fieldError)
			.toList();
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && isUntyped(problem.getType())) {
			problem.setType(ProblemTypes.forStatus(statusCode));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/**
	 * A problem with the generic type of its status.
	 */
	protected static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.forStatus(status));
		return problem;
	}

	private static boolean isUntyped(@Nullable URI type) {
		return type == null || "about:blank".equals(type.toString());
	}

	private static Map<String, @Nullable String> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message",
				(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid");
	}

}
