package io.carefin.portal.apply;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The decision on a patient's application as their decision page shows it, kept in their
 * browser's session so that the page survives a refresh: nothing the patient typed, only
 * what CareFin answered.
 *
 * @param practiceCode the practice's link code
 * @param practiceName the practice applied through
 * @param status {@code APPROVED}, {@code DECLINED} or {@code PENDING_REVIEW}
 * @param reasons the reasons, as sentences to the patient
 * @param creditLimit the approved line
 * @param accountLast4 the last four digits of the new account's number
 */
record PatientDecision(String practiceCode, String practiceName, String status, List<String> reasons,
		@Nullable BigDecimal creditLimit, @Nullable String accountLast4) implements Serializable {

	PatientDecision {
		reasons = List.copyOf(reasons);
	}

	static PatientDecision of(String practiceCode, String practiceName, PatientApplicationsApi.Decision decision) {
		String practice = (decision.practiceName() != null && !decision.practiceName().isBlank())
				? decision.practiceName() : practiceName;
		return new PatientDecision(practiceCode, practice, decision.status(),
				decision.reasons().stream().map(PatientDecision::sentence).toList(), decision.creditLimit(),
				decision.accountLast4());
	}

	/**
	 * The decision page's heading, and its title's start.
	 */
	public String heading() {
		return switch (this.status) {
			case "APPROVED" -> "You're approved";
			case "DECLINED" -> "We can't approve your application";
			default -> "Your application is under review";
		};
	}

	/**
	 * A reason in words the patient reads about themselves.
	 */
	static String sentence(String reason) {
		return switch (reason) {
			case "UNDER_AGE" -> "You are younger than the card's minimum age.";
			case "INCOME_TOO_LOW" -> "The income you gave is below what the card requires.";
			case "INCOME_TOO_LOW_FOR_CREDIT" -> "The income you gave is too low for the smallest credit line.";
			case "DEBT_TO_INCOME_TOO_HIGH" ->
				"Your housing and other debt payments are high compared with the income you gave.";
			case "CREDIT_SCORE_TOO_LOW" -> "The score on your credit report is below what the card requires.";
			case "DEBT_TO_INCOME_REVIEW" -> "Your debt payments compared with your income need a closer look.";
			case "CREDIT_SCORE_REVIEW" -> "Your credit report needs a closer look.";
			default -> {
				String words = reason.replace('_', ' ').toLowerCase(Locale.ROOT);
				yield words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
			}
		};
	}

	@Override
	public String toString() {
		return "PatientDecision[status=" + this.status + "]";
	}

}
