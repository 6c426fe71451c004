package io.carefin.transaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carefin.starter.BusinessDayProperties;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTests {

	private static final UUID IN_HONOLULU = UUID.randomUUID();

	private final BusinessDays days = new BusinessDays(
			new BusinessDayProperties(ZoneId.of("America/New_York"),
					Map.of(IN_HONOLULU, ZoneId.of("Pacific/Honolulu"))),
			Clock.fixed(Instant.parse("2026-11-25T03:30:00Z"), ZoneOffset.UTC));

	@Test
	void aPracticesDayEndsAtMidnightInItsOwnZone() {
		assertThat(this.days.today(UUID.randomUUID())).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(this.days.today(IN_HONOLULU)).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(this.days.dayOf(UUID.randomUUID(), Instant.parse("2026-11-25T05:00:00Z")))
			.isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(this.days.dayOf(IN_HONOLULU, Instant.parse("2026-11-25T05:00:00Z")))
			.isEqualTo(LocalDate.of(2026, 11, 24));
	}

}
