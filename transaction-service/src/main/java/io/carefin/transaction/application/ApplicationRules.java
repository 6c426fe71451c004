package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credit decision rules, under {@code carefin.applications}
 * ({@code transaction-service/README.md} explains each).
 *
 * @param minimumAge the youngest applicant that can be approved
 * @param minimumAnnualIncome the least annual income that can be approved
 * @param reviewDebtToIncome above this debt-to-income ratio an application goes to review
 * @param maximumDebtToIncome above this ratio it is declined
 * @param declineScoreBelow a bureau score below this is declined
 * @param reviewScoreBelow a bureau score below this (and not declined) goes to review
 * @param limitBands the credit limit for each lowest score, highest first
 * @param incomeShare the limit is at most this share of annual income (rounded down to
 * $100)
 * @param minimumLimit a limit below this is declined
 * @param reviewLimit the limit support grants when approving without naming one (at most
 * the requested amount)
 * @param duplicateWindow how long a person's later application answers their earlier one
 * at the same practice, or takes the decision of their latest one at another practice
 */
@ConfigurationProperties("carefin.applications")
public record ApplicationRules(@DefaultValue("18") int minimumAge,
		@DefaultValue("12000.00") BigDecimal minimumAnnualIncome, @DefaultValue("0.43") BigDecimal reviewDebtToIncome,
		@DefaultValue("0.50") BigDecimal maximumDebtToIncome, @DefaultValue("580") int declineScoreBelow,
		@DefaultValue("620") int reviewScoreBelow, @DefaultValue( {
				"760:10000.00", "700:7500.00", "660:5000.00", "620:3000.00" }) List<LimitBand> limitBands,
		@DefaultValue("0.25") BigDecimal incomeShare, @DefaultValue("500.00") BigDecimal minimumLimit,
		@DefaultValue("2500.00") BigDecimal reviewLimit, @DefaultValue("30d") Duration duplicateWindow){

	public ApplicationRules {
		limitBands = limitBands.stream().sorted(Comparator.comparingInt(LimitBand::minimumScore).reversed()).toList();
	}

	/**
	 * A score band's credit limit, written {@code score:limit} in configuration.
	 *
	 * @param minimumScore the lowest score of the band
	 * @param limit its credit limit
	 */
	public record LimitBand(int minimumScore, BigDecimal limit) {

		/**
		 * Reads {@code 700:7500.00}.
		 */
		public static LimitBand valueOf(String text) {
			String[] parts = text.split(":");
			return new LimitBand(Integer.parseInt(parts[0].trim()), new BigDecimal(parts[1].trim()));
		}

	}

}
