package io.carefin.portal.application;

import java.util.List;
import java.util.Locale;

/**
 * The decision's reasons in words a practice may tell the patient.
 */
final class Decisions {

	private Decisions() {
	}

	static List<String> sentences(List<String> reasons) {
		return reasons.stream().map(Decisions::sentence).toList();
	}

	static String sentence(String reason) {
		return switch (reason) {
			case "UNDER_AGE" -> "The applicant is younger than the card's minimum age.";
			case "INCOME_TOO_LOW" -> "The income given is below what the card requires.";
			case "INCOME_TOO_LOW_FOR_CREDIT" -> "The income given is too low for the smallest credit line.";
			case "DEBT_TO_INCOME_TOO_HIGH" ->
				"Housing and other debt payments are high compared with the income given.";
			case "CREDIT_SCORE_TOO_LOW" -> "The credit report's score is below what the card requires.";
			case "DEBT_TO_INCOME_REVIEW" -> "Debt payments compared with income need a closer look.";
			case "CREDIT_SCORE_REVIEW" -> "The credit report needs a closer look.";
			default -> {
				String words = reason.replace('_', ' ').toLowerCase(Locale.ROOT);
				yield Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
			}
		};
	}

}
