package io.carefin.auth.config;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.carefin.auth.me.CurrentPasswordRejectedException;
import io.carefin.auth.mfa.ChallengeFailedException;
import io.carefin.auth.mfa.CodeRejectedException;
import io.carefin.auth.mfa.FactorNotEnrolledException;
import io.carefin.auth.mfa.InvalidPhoneNumberException;
import io.carefin.auth.password.PasswordRejectedException;
import io.carefin.auth.recovery.LinkInvalidException;
import io.carefin.auth.signin.SignInFailedException;
import io.carefin.auth.support.UserNotFoundException;
import io.carefin.auth.team.TeamException;
import io.carefin.auth.token.SessionEndedException;
import io.carefin.starter.web.ProblemTypes;
import io.carefin.starter.web.ServiceProblemAdvice;

/**
 * auth-service's one problem-details advice. A failed sign-in always gets the same
 * answer, so that nobody learns whether a user ID exists, is locked or is suspended; so
 * does a refused current password on a password change.
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

	private static ProblemDetail typed(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(type));
		return problem;
	}

}
