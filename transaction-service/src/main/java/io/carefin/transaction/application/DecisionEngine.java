package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Decides a credit application from its facts and the bureau's file by the configured
 * {@link ApplicationRules}: every decline rule is checked and all that apply are given as
 * reasons; then the review rules; then the limit from the score band, capped by a share
 * of income.
 */
@Component
class DecisionEngine {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final ApplicationRules rules;

	DecisionEngine(ApplicationRules rules) {
		this.rules = rules;
	}

	Decision decide(LocalDate dateOfBirth, BigDecimal annualIncome, BigDecimal monthlyHousing,
			CreditBureau.Report report, LocalDate today) {
		List<String> declines = new ArrayList<>();
		if (Period.between(dateOfBirth, today).getYears() < this.rules.minimumAge()) {
			declines.add("UNDER_AGE");
		}
		if (annualIncome.compareTo(this.rules.minimumAnnualIncome()) < 0) {
			declines.add("INCOME_TOO_LOW");
		}
		BigDecimal debtToIncome = debtToIncome(annualIncome, monthlyHousing.add(report.monthlyDebtPayments()));
		if (debtToIncome.compareTo(this.rules.maximumDebtToIncome()) > 0) {
			declines.add("DEBT_TO_INCOME_TOO_HIGH");
		}
		if (report.score() < this.rules.declineScoreBelow()) {
			declines.add("CREDIT_SCORE_TOO_LOW");
		}
		if (!declines.isEmpty()) {
			return new Decision.Declined(declines);
		}
		List<String> reviews = new ArrayList<>();
		if (debtToIncome.compareTo(this.rules.reviewDebtToIncome()) > 0) {
			reviews.add("DEBT_TO_INCOME_REVIEW");
		}
		if (report.score() < this.rules.reviewScoreBelow()) {
			reviews.add("CREDIT_SCORE_REVIEW");
		}
		if (!reviews.isEmpty()) {
			return new Decision.PendingReview(reviews);
		}
		BigDecimal band = this.rules.limitBands()
			.stream()
			.filter((limit) -> report.score() >= limit.minimumScore())
			.map(ApplicationRules.LimitBand::limit)
			.findFirst()
			.orElse(BigDecimal.ZERO);
		BigDecimal incomeCap = annualIncome.multiply(this.rules.incomeShare())
			.divide(HUNDRED, 0, RoundingMode.FLOOR)
			.multiply(HUNDRED);
		BigDecimal limit = band.min(incomeCap).setScale(2);
		if (limit.compareTo(this.rules.minimumLimit()) < 0) {
			return new Decision.Declined(List.of("INCOME_TOO_LOW_FOR_CREDIT"));
		}
		return new Decision.Approved(limit);
	}

	/**
	 * The limit support grants when approving an application under review without naming
	 * one.
	 */
	BigDecimal reviewLimit(BigDecimal requested) {
		return this.rules.reviewLimit().min(requested).setScale(2);
	}

	private static BigDecimal debtToIncome(BigDecimal annualIncome, BigDecimal monthlyDebt) {
		if (annualIncome.signum() <= 0) {
			return BigDecimal.TEN;
		}
		BigDecimal monthlyIncome = annualIncome.divide(new BigDecimal("12"), MathContext.DECIMAL64);
		return monthlyDebt.divide(monthlyIncome, MathContext.DECIMAL64);
	}

}
