package io.carefin.financing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeferredInterestTests {

	@Test
	void roundsThePayoffAmountUpSoThatPayingItClearsTheBalance() {
		assertThat(DeferredInterest.payoffMonthly(new BigDecimal("1000.00"), 12)).isEqualTo(new BigDecimal("83.34"));
		assertThat(DeferredInterest.payoffMonthly(new BigDecimal("1200.00"), 12)).isEqualTo(new BigDecimal("100.00"));
	}

	@Test
	void minimumIsThePayoffAmountButAtLeastThirtyDollarsAndNeverMoreThanTheBalance() {
		assertThat(DeferredInterest.minimumPayment(new BigDecimal("1000.00"), 12)).isEqualTo(new BigDecimal("83.34"));
		assertThat(DeferredInterest.minimumPayment(new BigDecimal("300.00"), 24)).isEqualTo(new BigDecimal("30.00"));
		assertThat(DeferredInterest.minimumPayment(new BigDecimal("12.50"), 3)).isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void accruesADaysInterestAtTheStandardAprOver365Days() {
		// 1,000.00 × 26.99 % / 365 = 0.73945… → 0.74
		assertThat(DeferredInterest.dailyInterest(new BigDecimal("1000.00"), new BigDecimal("26.99")))
			.isEqualTo(new BigDecimal("0.74"));
		assertThat(DeferredInterest.dailyInterest(Cents.ZERO, new BigDecimal("26.99"))).isEqualTo(Cents.ZERO);
	}

	@Test
	void needsAPaymentLeft() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeferredInterest.payoffMonthly(BigDecimal.TEN, 0));
	}

}
