package io.carefin.auth.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import io.carefin.auth.audit.InvalidAuditRangeException;
import io.carefin.auth.me.CurrentPasswordRejectedException;
import io.carefin.auth.mfa.ChallengeFailedException;
import io.carefin.auth.mfa.CodeRejectedException;
import io.carefin.auth.mfa.FactorNotEnrolledException;
import io.carefin.auth.mfa.InvalidPhoneNumberException;
import io.carefin.auth.password.PasswordRejectedException;
import io.carefin.auth.practice.PracticeException;
import io.carefin.auth.practice.PracticeNotFoundException;
import io.carefin.auth.recovery.LinkInvalidException;
import io.carefin.auth.signin.SignInFailedException;
import io.carefin.auth.support.UserNotFoundException;
import io.carefin.auth.team.InvitationNotPendingException;
import io.carefin.auth.team.TeamException;
import io.carefin.auth.token.SessionEndedException;
import io.carefin.starter.web.ProblemTypes;
import io.carefin.starter.web.ServiceProblemAdvice;

/**
 * auth-service's one problem-details advice. A failed sign-in always gets the same
 * answer, so that nobody learns whether a user ID exists, is locked or is suspended; so
 * does a refused current password on a password change. A query parameter that is out of
 * bounds or unreadable is a 400 naming it, like a field of a body.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ServiceProblemAdvice {

	@ExceptionHandler(SignInFailedException.class)
	ProblemDetail signInFailed(SignInFailedException ex) {
		return typed(HttpStatus.UNAUTHORIZED, "sign-in-failed", ex.getMessage());
	}

	@ExceptionHandler(ChallengeFailedException.class)
	ProblemDetail challengeFailed(ChallengeFailedException ex) {
		return typed(HttpStatus.UNAUTHORIZED, "sign-in-failed", ex.getMessage());
	}

	@ExceptionHandler(CodeRejectedException.class)
	ProblemDetail codeRejected(CodeRejectedException ex) {
		return typed(HttpStatus.UNPROCESSABLE_CONTENT, "code-rejected", ex.getMessage());
	}

	@ExceptionHandler(InvalidPhoneNumberException.class)
	ProblemDetail invalidPhoneNumber(InvalidPhoneNumberException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The phone number is not valid.");
		problem.setProperty("errors",
				java.util.List.of(java.util.Map.of("field", "phone", "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(SessionEndedException.class)
	ProblemDetail sessionEnded(SessionEndedException ex) {
		return typed(HttpStatus.UNAUTHORIZED, "session-ended", ex.getMessage());
	}

	@ExceptionHandler(LinkInvalidException.class)
	ProblemDetail linkInvalid(LinkInvalidException ex) {
		return typed(HttpStatus.BAD_REQUEST, "link-invalid", ex.getMessage());
	}

	@ExceptionHandler(PasswordRejectedException.class)
	ProblemDetail passwordRejected(PasswordRejectedException ex) {
		ProblemDetail problem = typed(HttpStatus.UNPROCESSABLE_CONTENT, "password-rejected", ex.getMessage());
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler(CurrentPasswordRejectedException.class)
	ProblemDetail currentPasswordRejected(CurrentPasswordRejectedException ex) {
		return typed(HttpStatus.UNPROCESSABLE_CONTENT, "current-password-rejected", ex.getMessage());
	}

	@ExceptionHandler(FactorNotEnrolledException.class)
	ProblemDetail factorNotEnrolled(FactorNotEnrolledException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(TeamException.class)
	ProblemDetail team(TeamException ex) {
		return typed(HttpStatus.CONFLICT, ex.type(), ex.getMessage());
	}

	@ExceptionHandler(UserNotFoundException.class)
	ProblemDetail userNotFound(UserNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(PracticeException.class)
	ProblemDetail practice(PracticeException ex) {
		return typed(HttpStatus.CONFLICT, ex.type(), ex.getMessage());
	}

	@ExceptionHandler(PracticeNotFoundException.class)
	ProblemDetail practiceNotFound(PracticeNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvitationNotPendingException.class)
	ProblemDetail invitationNotPending(InvitationNotPendingException ex) {
		return typed(HttpStatus.CONFLICT, "invitation-not-pending", ex.getMessage());
	}

	@ExceptionHandler(InvalidAuditRangeException.class)
	ProblemDetail invalidAuditRange(InvalidAuditRangeException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.problem())));
		return problem;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(Map.of("field", (name != null) ? name : "request", "message",
						(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid"));
			}
		});
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request's parameters are not valid.");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "request";
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request's parameters are not valid.");
		problem.setProperty("errors", List.of(Map.of("field", name, "message", "is not a valid value")));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail typed(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		return problem;
	}

}
