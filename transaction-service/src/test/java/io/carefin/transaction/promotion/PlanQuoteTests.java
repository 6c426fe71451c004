package io.carefin.transaction.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.carefin.financing.AmortizationSchedule;
import io.carefin.financing.Installment;
import io.carefin.financing.PlanKind;
import io.carefin.financing.Quote;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden vectors to the cent for the quotes that purchases are charged on, and properties
 * of the schedules behind them.
 */
class PlanQuoteTests {

	@Test
	void fixedTwentyFourMonthsAtFourteenNinetyOnFiveThousand() {
		Quote quote = plan(PlanKind.REDUCED_APR, 24, "14.90").quote(new BigDecimal("5000.00"));
		assertThat(quote.monthlyPayment()).isEqualTo("242.20");
		assertThat(quote.lastPayment()).isEqualTo("242.08");
		assertThat(quote.numberOfPayments()).isEqualTo(24);
		assertThat(quote.totalInterest()).isEqualTo("812.68");
		assertThat(quote.totalCost()).isEqualTo("5812.68");
		assertThat(quote.minimumPayment()).isEqualTo("242.20");
	}

	@Test
	void fixedTwentyFourMonthsAtFourteenNinetyOnThreeThousand() {
		assertThat(plan(PlanKind.REDUCED_APR, 24, "14.90").quote(new BigDecimal("3000.00")).monthlyPayment())
			.isEqualTo("145.32");
	}

	@Test
	void fixedSixtyMonthsAtSeventeenNinetyOnOneThousand() {
		assertThat(plan(PlanKind.REDUCED_APR, 60, "17.90").quote(new BigDecimal("1000.00")).monthlyPayment())
			.isEqualTo("25.34");
	}

	@Test
	void deferredPaysTheAmountThatClearsItInTimeRoundedUpWithAThirtyDollarMinimum() {
		Quote twelve = plan(PlanKind.DEFERRED_INTEREST, 12, "0.00").quote(new BigDecimal("1000.00"));
		assertThat(twelve.monthlyPayment()).isEqualTo("83.34");
		assertThat(twelve.minimumPayment()).isEqualTo("83.34");
		assertThat(twelve.totalInterest()).isEqualTo("0.00");
		assertThat(twelve.totalCost()).isEqualTo("1000.00");
		Quote small = plan(PlanKind.DEFERRED_INTEREST, 12, "0.00").quote(new BigDecimal("200.00"));
		assertThat(small.monthlyPayment()).isEqualTo("16.67");
		assertThat(small.minimumPayment()).isEqualTo("30.00");
	}

	@Test
	void everyScheduleEndsAtZeroAndItsPaymentsLessInterestRepayThePrincipal() {
		Random random = new Random(20261124);
		for (int i = 0; i < 2000; i++) {
			BigDecimal principal = BigDecimal.valueOf(100_00 + random.nextInt(25_000_00), 2);
			int months = new int[] { 24, 36, 48, 60 }[random.nextInt(4)];
			BigDecimal apr = BigDecimal.valueOf(1490 + random.nextInt(1800), 2);
			AmortizationSchedule schedule = AmortizationSchedule.of(principal, apr, months);
			BigDecimal paid = schedule.installments()
				.stream()
				.map(Installment::payment)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(schedule.installments().getLast().balanceAfter()).as("%s %s %s", principal, apr, months)
				.isEqualByComparingTo("0.00");
			assertThat(paid.subtract(schedule.totalInterest())).isEqualByComparingTo(principal);
			assertThat(plan(PlanKind.REDUCED_APR, months, apr.toPlainString()).quote(principal).monthlyPayment())
				.isEqualTo(schedule.monthlyPayment());
		}
	}

	@Test
	void chargesTheMerchantFeeHalfUpToTheCent() {
		assertThat(Plan.merchantFee(new BigDecimal("1234.50"), new BigDecimal("0.0600"))).isEqualTo("74.07");
		assertThat(Plan.merchantFee(new BigDecimal("1000.00"), new BigDecimal("0.0800"))).isEqualTo("80.00");
	}

	private static Plan plan(PlanKind kind, int months, String apr) {
		return new Plan("TEST", 1, "Test", kind, months, new BigDecimal(apr), new BigDecimal("26.99"),
				new BigDecimal("200.00"), new BigDecimal("0.0500"), LocalDate.of(2026, 1, 1), null);
	}

}
