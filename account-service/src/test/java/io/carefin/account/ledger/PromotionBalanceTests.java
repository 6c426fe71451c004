package io.carefin.account.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carefin.financing.PlanKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a promotional balance asks each month and when its last two months begin.
 */
class PromotionBalanceTests {

	private static final LocalDate START = LocalDate.of(2026, 1, 31);

	@Test
	void asksTheAmountThatClearsADeferredPromotionInTimeRoundedUp() {
		PromotionBalance balance = deferred("1000.00");

		assertThat(balance.monthsLeft(START)).isEqualTo(12);
		assertThat(balance.monthlyPayoff(START)).isEqualTo(new BigDecimal("83.34"));
		assertThat(balance.minimumDue(START)).isEqualTo(new BigDecimal("83.34"));
		assertThat(balance.monthlyPayoff(START.plusMonths(11).plusDays(1))).isEqualTo(new BigDecimal("1000.00"));
	}

	@Test
	void asksAFixedPlansScheduledPayment() {
		PromotionBalance balance = new PromotionBalance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "P",
				"FIXED_24", PlanKind.REDUCED_APR, 24, new BigDecimal("14.90"), new BigDecimal("26.99"),
				new BigDecimal("5000.00"), "A", START, START.plusMonths(24), ZoneId.of("UTC"), PromotionBalance.OPEN,
				new BigDecimal("5000.00"), BigDecimal.ZERO, START.minusDays(1));

		assertThat(balance.minimumDue(START)).isEqualTo(new BigDecimal("242.20"));
		assertThat(balance.allocationApr()).isEqualTo(new BigDecimal("14.90"));
	}

	@Test
	void entersItsLastTwoMonthsTwoMonthsBeforeTheEnd() {
		PromotionBalance balance = deferred("1000.00");
		LocalDate end = START.plusMonths(12);

		assertThat(balance.inLastTwoMonths(end.minusMonths(2).minusDays(1))).isFalse();
		assertThat(balance.inLastTwoMonths(end.minusMonths(2))).isTrue();
		assertThat(balance.inLastTwoMonths(end)).isTrue();
		assertThat(balance.allocationApr()).isEqualTo(BigDecimal.ZERO);
	}

	@Test
	void countsAnAnniversaryOnAShorterMonthsLastDay() {
		assertThat(PromotionBalance.monthsSince(START, LocalDate.of(2026, 2, 28))).isEqualTo(1);
		assertThat(PromotionBalance.monthsSince(START, LocalDate.of(2026, 2, 27))).isZero();
		assertThat(PromotionBalance.monthsSince(START, LocalDate.of(2026, 3, 31))).isEqualTo(2);
	}

	private static PromotionBalance deferred(String remaining) {
		return new PromotionBalance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "P", "DEFERRED_12",
				PlanKind.DEFERRED_INTEREST, 12, BigDecimal.ZERO, new BigDecimal("26.99"), new BigDecimal("1000.00"),
				"A", START, START.plusMonths(12), ZoneId.of("UTC"), PromotionBalance.OPEN, new BigDecimal(remaining),
				BigDecimal.ZERO, START.minusDays(1));
	}

}
