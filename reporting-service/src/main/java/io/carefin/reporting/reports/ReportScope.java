package io.carefin.reporting.reports;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.carefin.reporting.reports.InvalidReportRequestException.FieldProblem;
import io.carefin.starter.security.Caller;

/**
 * Whose figures a report adds up: one practice, or every practice for ops.
 *
 * @param practiceId the practice, or {@code null} for all of them
 */
public record ReportScope(@Nullable UUID practiceId) {

	/**
	 * The scope of a caller's request: a practice user always gets their own practice
	 * (naming another answers 404); ops gets the practice named by {@code practiceId}, or
	 * every practice without it.
	 */
	public static ReportScope of(JwtAuthenticationToken authentication, @Nullable String practiceId) {
		Caller caller = Caller.of(authentication);
		UUID named = (practiceId != null && !practiceId.isBlank()) ? uuid(practiceId) : null;
		if (caller.isPracticeUser()) {
			if (named != null && !named.equals(caller.practiceId())) {
				throw new PracticeNotFoundException();
			}
			return new ReportScope(caller.practiceId());
		}
		if (caller.hasRole("OPS_ADMIN")) {
			return new ReportScope(named);
		}
		throw new AccessDeniedException("Only practice users and ops read reports.");
	}

	/**
	 * An SQL condition, to follow a {@code WHERE}, that keeps the rows in scope; binds
	 * {@code :practiceId} when it names one.
	 */
	public String condition(String column) {
		return (this.practiceId != null) ? column + " = :practiceId" : "TRUE";
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidReportRequestException("The practice is not valid.",
					List.of(new FieldProblem("practiceId", "must be a practice id (a UUID)")));
		}
	}

}
