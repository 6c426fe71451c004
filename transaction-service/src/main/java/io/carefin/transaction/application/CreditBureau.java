package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where the decision engine gets an applicant's credit file: a port, so that a real
 * bureau can replace the local scorecard.
 */
public interface CreditBureau {

	/**
	 * The applicant's credit file.
	 * @param ssn the applicant's SSN, nine digits
	 * @param dateOfBirth the applicant's date of birth
	 */
	Report report(String ssn, LocalDate dateOfBirth);

	/**
	 * What a bureau says about an applicant.
	 *
	 * @param score the credit score, 300 to 850
	 * @param monthlyDebtPayments what the applicant already pays each month on other debt
	 */
	record Report(int score, BigDecimal monthlyDebtPayments) {

	}

}
