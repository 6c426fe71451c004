package io.carefin.financing;

import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The schedule against DESIGN §3's vector and the (monthly payments; last
 * payments and interest checked by an independent Decimal computation), and properties
 * over 2,000 random loans.
 */
class AmortizationScheduleTests {

	@ParameterizedTest(name = "${0} at {1} % for {2} months → {3} a month, last {4}, interest {5}")
	@CsvSource({ "5000.00, 14.90, 24, 242.20, 242.08, 812.68", "3000.00, 14.90, 24, 145.32, 145.25, 487.61",
			"1000.00, 17.90, 60, 25.34, 25.24, 520.30" })
	void matchesTheGoldenVectorsToTheCent(BigDecimal principal, BigDecimal apr, int months, BigDecimal monthly,
			BigDecimal last, BigDecimal interest) {
		AmortizationSchedule schedule = AmortizationSchedule.of(principal, apr, months);
		assertThat(schedule.monthlyPayment()).isEqualTo(monthly);
		assertThat(schedule.lastPayment()).isEqualTo(last);
		assertThat(schedule.totalInterest()).isEqualTo(interest);
		assertThat(schedule.totalCost()).isEqualTo(principal.add(interest));
		assertThat(schedule.numberOfPayments()).isEqualTo(months);
	}

	@Test
	void roundsEachMonthsInterestHalfUp() {
		AmortizationSchedule schedule = AmortizationSchedule.of(new BigDecimal("5000.00"), new BigDecimal("14.90"), 24);
		// 5000.00 × 0.149 / 12 = 62.0833… → 62.08; the rest of 242.20 repays principal
		assertThat(schedule.installments().getFirst()).isEqualTo(new Installment(1, new BigDecimal("242.20"),
				new BigDecimal("62.08"), new BigDecimal("180.12"), new BigDecimal("4819.88")));
	}

	@Test
	void splitsAnInterestFreeScheduleIntoPaymentsThatRoundUp() {
		AmortizationSchedule schedule = AmortizationSchedule.of(new BigDecimal("100.00"), BigDecimal.ZERO, 3);
		assertThat(schedule.installments()).extracting(Installment::payment)
			.containsExactly(new BigDecimal("33.34"), new BigDecimal("33.34"), new BigDecimal("33.32"));
		assertThat(schedule.totalInterest()).isEqualTo(Cents.ZERO);
	}

	@Test
	void refusesWhatIsNotALoan() {
		assertThatIllegalArgumentException().isThrownBy(() -> AmortizationSchedule.of(Cents.ZERO, BigDecimal.TEN, 12));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AmortizationSchedule.of(new BigDecimal("10.001"), BigDecimal.TEN, 12));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AmortizationSchedule.of(BigDecimal.TEN, new BigDecimal("-1"), 12));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AmortizationSchedule.of(BigDecimal.TEN, BigDecimal.TEN, 0));
	}

	static Stream<AmortizationSchedule> randomSchedules() {
		Random random = new Random(20261124L);
		int[] terms = { 6, 12, 18, 24, 36, 48, 60 };
		return IntStream.range(0, 2_000)
			.mapToObj((i) -> AmortizationSchedule.of(BigDecimal.valueOf(1_000 + random.nextInt(5_000_000), 2),
					BigDecimal.valueOf(random.nextInt(3_600), 2), terms[random.nextInt(terms.length)]));
	}

	@ParameterizedTest
	@MethodSource("randomSchedules")
	void everyScheduleEndsAtZeroAndItsPaymentsLessInterestRepayThePrincipal(AmortizationSchedule schedule) {
		assertThat(schedule.installments().getLast().balanceAfter()).isEqualTo(Cents.ZERO);
		BigDecimal paid = schedule.installments()
			.stream()
			.map(Installment::payment)
			.reduce(Cents.ZERO, BigDecimal::add);
		assertThat(paid.subtract(schedule.totalInterest())).isEqualTo(schedule.principal());
		BigDecimal balance = schedule.principal();
		for (Installment installment : schedule.installments()) {
			assertThat(installment.payment()).isEqualTo(installment.interest().add(installment.principal()));
			assertThat(installment.interest()).isNotNegative();
			assertThat(installment.principal()).isPositive();
			balance = balance.subtract(installment.principal());
			assertThat(installment.balanceAfter()).isEqualTo(balance);
		}
		assertThat(schedule.lastPayment()).isLessThanOrEqualTo(schedule.monthlyPayment().add(new BigDecimal("1.00")));
	}

}
