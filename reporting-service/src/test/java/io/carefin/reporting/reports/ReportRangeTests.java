package io.carefin.reporting.reports;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportRangeTests {

	@Test
	void takesBothEndsAsBusinessDays() {
		assertThat(ReportRange.of("2026-11-01", "2026-11-30"))
			.isEqualTo(new ReportRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
		assertThat(ReportRange.of("2026-11-01", "2026-11-01").from()).isEqualTo(LocalDate.of(2026, 11, 1));
	}

	@Test
	void coversAtMost366DaysBothIncluded() {
		assertThat(ReportRange.of("2024-01-01", "2024-12-31").to()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThatExceptionOfType(InvalidReportRequestException.class)
			.isThrownBy(() -> ReportRange.of("2024-01-01", "2025-01-01"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting("field").containsExactly("to"));
	}

	@Test
	void namesEveryParameterThatIsMissingOrMalformed() {
		assertThatExceptionOfType(InvalidReportRequestException.class).isThrownBy(() -> ReportRange.of(null, "nope"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting("field").containsExactly("from", "to"));
		assertThatExceptionOfType(InvalidReportRequestException.class).isThrownBy(() -> ReportRange.of(" ", null));
	}

	@Test
	void refusesAFromAfterTheTo() {
		assertThatExceptionOfType(InvalidReportRequestException.class)
			.isThrownBy(() -> ReportRange.of("2026-11-02", "2026-11-01"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting("field").containsExactly("from"));
	}

}
