package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionEngineTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	private static final LocalDate ADULT = LocalDate.of(1980, 5, 17);

	private final ApplicationRules rules = new ApplicationRules(18, new BigDecimal("12000.00"), new BigDecimal("0.43"),
			new BigDecimal("0.50"), 580, 620,
			List.of(ApplicationRules.LimitBand.valueOf("620:3000.00"),
					ApplicationRules.LimitBand.valueOf("760:10000.00"),
					ApplicationRules.LimitBand.valueOf("700:7500.00"),
					ApplicationRules.LimitBand.valueOf("660:5000.00")),
			new BigDecimal("0.25"), new BigDecimal("500.00"), new BigDecimal("2500.00"), Duration.ofDays(30));

	private final DecisionEngine engine = new DecisionEngine(this.rules);

	@Test
	void approvesWithTheLimitOfTheScoreBand() {
		assertThat(decide(ADULT, "90000.00", "1000.00", 750, "0.00"))
			.isEqualTo(new Decision.Approved(new BigDecimal("7500.00")));
		assertThat(decide(ADULT, "90000.00", "1000.00", 760, "0.00"))
			.isEqualTo(new Decision.Approved(new BigDecimal("10000.00")));
		assertThat(decide(ADULT, "90000.00", "1000.00", 620, "0.00"))
			.isEqualTo(new Decision.Approved(new BigDecimal("3000.00")));
	}

	@Test
	void capsTheLimitAtAShareOfIncomeRoundedDownToAHundred() {
		assertThat(decide(ADULT, "20150.00", "0.00", 800, "0.00"))
			.isEqualTo(new Decision.Approved(new BigDecimal("5000.00")));
		assertThat(decide(ADULT, "14390.00", "0.00", 800, "0.00"))
			.isEqualTo(new Decision.Approved(new BigDecimal("3500.00")));
	}

	@Test
	void declinesApplicantsUnderEighteenOnTheDayBeforeTheirBirthday() {
		assertThat(decide(TODAY.minusYears(18).plusDays(1), "90000.00", "0.00", 800, "0.00"))
			.isEqualTo(new Decision.Declined(List.of("UNDER_AGE")));
		assertThat(decide(TODAY.minusYears(18), "90000.00", "0.00", 800, "0.00")).isInstanceOf(Decision.Approved.class);
	}

	@Test
	void declinesIncomeBelowTheMinimum() {
		assertThat(decide(ADULT, "11999.99", "0.00", 800, "0.00"))
			.isEqualTo(new Decision.Declined(List.of("INCOME_TOO_LOW")));
	}

	@Test
	void declinesDebtToIncomeAboveTheMaximumCountingTheBureausDebt() {
		// 60,000 a year is 5,000 a month: 2,000 housing + 501 other debt is 50.02 %
		assertThat(decide(ADULT, "60000.00", "2000.00", 800, "501.00"))
			.isEqualTo(new Decision.Declined(List.of("DEBT_TO_INCOME_TOO_HIGH")));
		assertThat(decide(ADULT, "60000.00", "2000.00", 800, "500.00"))
			.isEqualTo(new Decision.PendingReview(List.of("DEBT_TO_INCOME_REVIEW")));
	}

	@Test
	void sendsDebtToIncomeBetweenTheBandsToReview() {
		assertThat(decide(ADULT, "60000.00", "2150.01", 800, "0.00"))
			.isEqualTo(new Decision.PendingReview(List.of("DEBT_TO_INCOME_REVIEW")));
		assertThat(decide(ADULT, "60000.00", "2150.00", 800, "0.00")).isInstanceOf(Decision.Approved.class);
	}

	@Test
	void declinesLowScoresAndReviewsMiddlingOnes() {
		assertThat(decide(ADULT, "90000.00", "0.00", 579, "0.00"))
			.isEqualTo(new Decision.Declined(List.of("CREDIT_SCORE_TOO_LOW")));
		assertThat(decide(ADULT, "90000.00", "0.00", 580, "0.00"))
			.isEqualTo(new Decision.PendingReview(List.of("CREDIT_SCORE_REVIEW")));
		assertThat(decide(ADULT, "90000.00", "0.00", 619, "0.00"))
			.isEqualTo(new Decision.PendingReview(List.of("CREDIT_SCORE_REVIEW")));
	}

	@Test
	void givesEveryDeclineReasonThatApplies() {
		assertThat(decide(TODAY.minusYears(17), "10000.00", "900.00", 500, "0.00")).isEqualTo(new Decision.Declined(
				List.of("UNDER_AGE", "INCOME_TOO_LOW", "DEBT_TO_INCOME_TOO_HIGH", "CREDIT_SCORE_TOO_LOW")));
	}

	@Test
	void declinesWhenIncomeAllowsLessThanTheSmallestLimit() {
		Decision decision = new DecisionEngine(new ApplicationRules(18, new BigDecimal("1000.00"),
				new BigDecimal("0.43"), new BigDecimal("0.50"), 580, 620, this.rules.limitBands(),
				new BigDecimal("0.25"), new BigDecimal("500.00"), new BigDecimal("2500.00"), Duration.ofDays(30)))
			.decide(ADULT, new BigDecimal("1999.00"), BigDecimal.ZERO, new CreditBureau.Report(800, BigDecimal.ZERO),
					TODAY);
		assertThat(decision).isEqualTo(new Decision.Declined(List.of("INCOME_TOO_LOW_FOR_CREDIT")));
	}

	@Test
	void theLocalScorecardGivesTheSameFileForTheSameApplicant() {
		ScorecardCreditBureau bureau = new ScorecardCreditBureau();
		assertThat(bureau.report("123000450", ADULT)).isEqualTo(new CreditBureau.Report(750, new BigDecimal("0.00")));
		assertThat(bureau.report("123000450", ADULT)).isEqualTo(bureau.report("123000450", ADULT));
		assertThat(bureau.report("123000300", ADULT).score()).isEqualTo(600);
		assertThat(bureau.report("123000200", ADULT).score()).isEqualTo(500);
		assertThat(bureau.report("123009999", ADULT))
			.isEqualTo(new CreditBureau.Report(300 + 9999 % 551, new BigDecimal("0.00")));
		assertThat(bureau.report("123004000", ADULT).monthlyDebtPayments()).isEqualByComparingTo("0.00");
		assertThat(bureau.report("123454000", ADULT).monthlyDebtPayments()).isEqualByComparingTo("1125.00");
	}

	private Decision decide(LocalDate dateOfBirth, String income, String housing, int score, String otherDebt) {
		return this.engine.decide(dateOfBirth, new BigDecimal(income), new BigDecimal(housing),
				new CreditBureau.Report(score, new BigDecimal(otherDebt)), TODAY);
	}

}
