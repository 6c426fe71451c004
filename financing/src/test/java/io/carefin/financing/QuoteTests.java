package io.carefin.financing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTests {

	@Test
	void quotesAFixedPaymentPlanFromItsSchedule() {
		Quote quote = Quote.of(PlanKind.REDUCED_APR, new BigDecimal("5000.00"), 24, new BigDecimal("14.90"));
		assertThat(quote)
			.isEqualTo(new Quote(new BigDecimal("5000.00"), new BigDecimal("242.20"), 24, new BigDecimal("242.08"),
					new BigDecimal("812.68"), new BigDecimal("5812.68"), new BigDecimal("242.20")));
	}

	@ParameterizedTest(name = "${0} over {1} months → {2} a month, minimum {3}, last {4}")
	@CsvSource({ "1200.00, 12, 100.00, 100.00, 100.00", "1000.00, 12, 83.34, 83.34, 83.26",
			"200.00, 24, 8.34, 30.00, 8.18", "250.00, 6, 41.67, 41.67, 41.65" })
	void quotesADeferredPlanAtTheAmountThatClearsItInTime(BigDecimal amount, int months, BigDecimal monthly,
			BigDecimal minimum, BigDecimal last) {
		Quote quote = Quote.of(PlanKind.DEFERRED_INTEREST, amount, months, new BigDecimal("26.99"));
		assertThat(quote.monthlyPayment()).isEqualTo(monthly);
		assertThat(quote.minimumPayment()).isEqualTo(minimum);
		assertThat(quote.lastPayment()).isEqualTo(last);
		assertThat(quote.numberOfPayments()).isEqualTo(months);
		assertThat(quote.totalInterest()).isEqualTo(Cents.ZERO);
		assertThat(quote.totalCost()).isEqualTo(amount);
		assertThat(monthly.multiply(BigDecimal.valueOf(months - 1)).add(last)).isEqualTo(amount);
	}

}
