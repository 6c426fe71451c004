package io.carefin.portal.purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.carefin.portal.api.TransactionsApi;

/**
 * A plan's disclosure, the words the patient reads and accepts before a purchase on it;
 * its version names the plan's terms and the wording, so that the acknowledgement the API
 * keeps with the purchase says exactly what the patient saw.
 *
 * @param version such as {@code DEFERRED_12.3.portal-2026-12}: letters, digits, dots,
 * dashes and underscores, at most 64, as the API accepts
 * @param text the disclosure
 */
record Disclosure(String version, String text) {

	/**
	 * The wording's own version, part of every disclosure's version.
	 */
	static final String WORDING = "portal-2026-12";

	static Disclosure of(TransactionsApi.Plan plan) {
		String text = plan.deferred()
				? ("No interest if paid in full within " + plan.months() + " months. "
						+ "Interest is charged to the account from the purchase date at the standard APR of "
						+ percent(plan.standardApr()) + " if the purchase balance is not paid in full within "
						+ plan.months() + " months. Minimum monthly payments are required.")
				: ("Reduced APR of " + percent(plan.apr()) + " with " + plan.months()
						+ " fixed monthly payments. The payments pay the purchase and its interest in full if each is"
						+ " made on time; later purchases may carry the standard APR of " + percent(plan.standardApr())
						+ ".");
		return new Disclosure(plan.code() + "." + plan.version() + "." + WORDING, text);
	}

	private static String percent(BigDecimal rate) {
		return rate.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
	}

}
