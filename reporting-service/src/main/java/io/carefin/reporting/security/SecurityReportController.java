package io.carefin.reporting.security;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.reporting.reports.ReportRange;
import io.carefin.reporting.reports.ReportScope;

/**
 * The ops security report: per day and practice, sign-ins that succeeded, passwords and
 * second factors that failed, lockouts (of which permanent) and suspensions.
 */
@RestController
@PreAuthorize("hasRole('OPS_ADMIN')")
class SecurityReportController {

	private final JdbcClient jdbc;

	SecurityReportController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/reports/security")
	SecurityReport report(@Nullable String from, @Nullable String to, @Nullable String practiceId,
			JwtAuthenticationToken caller) {
		ReportRange range = ReportRange.of(from, to);
		ReportScope scope = ReportScope.of(caller, practiceId);
		List<SecurityDay> days = this.jdbc.sql("""
				SELECT business_day, practice_id, sign_ins_succeeded, sign_ins_failed, second_factor_failures,
				       lockouts, permanent_locks, suspensions
				FROM daily_security WHERE %s AND business_day BETWEEN :from AND :to
				ORDER BY business_day, practice_id NULLS LAST
				""".formatted(scope.condition("practice_id")))
			.param("practiceId", scope.practiceId())
			.param("from", range.from())
			.param("to", range.to())
			.query((rs, row) -> new SecurityDay(rs.getObject("business_day", LocalDate.class),
					rs.getObject("practice_id", UUID.class),
					new Figures(rs.getLong("sign_ins_succeeded"), rs.getLong("sign_ins_failed"),
							rs.getLong("second_factor_failures"), rs.getLong("lockouts"), rs.getLong("permanent_locks"),
							rs.getLong("suspensions"))))
			.list();
		Figures totals = days.stream().map(SecurityDay::figures).reduce(Figures.NONE, Figures::plus);
		return new SecurityReport(range.from(), range.to(), scope.practiceId(), days, totals);
	}

	/**
	 * The report for a range.
	 */
	record SecurityReport(LocalDate from, LocalDate to, @Nullable UUID practiceId, List<SecurityDay> days,
			Figures totals) {
	}

	/**
	 * One practice's day; {@code practiceId} is {@code null} for sign-ins with a user ID
	 * that matched nobody.
	 */
	record SecurityDay(LocalDate businessDay, @Nullable UUID practiceId, Figures figures) {
	}

	/**
	 * {@code signInsFailed} counts failed passwords; {@code secondFactorFailures} failed
	 * second-factor codes; {@code lockouts} every lock, {@code permanentLocks} the locks
	 * only support can lift.
	 */
	record Figures(long signInsSucceeded, long signInsFailed, long secondFactorFailures, long lockouts,
			long permanentLocks, long suspensions) {

		static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

		Figures plus(Figures other) {
			return new Figures(this.signInsSucceeded + other.signInsSucceeded, this.signInsFailed + other.signInsFailed,
					this.secondFactorFailures + other.secondFactorFailures, this.lockouts + other.lockouts,
					this.permanentLocks + other.permanentLocks, this.suspensions + other.suspensions);
		}

	}

}
