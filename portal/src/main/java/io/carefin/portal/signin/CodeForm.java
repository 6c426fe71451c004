package io.carefin.portal.signin;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;

/**
 * A form with a six-digit code.
 *
 * @param code the code as typed, perhaps with spaces
 */
public record CodeForm(@Nullable String code) {

	/**
	 * The code's digits, without the spaces or dashes people type.
	 */
	public String digits() {
		return (this.code != null) ? this.code.replaceAll("[\\s-]", "") : "";
	}

	/**
	 * What is wrong with the code, if anything.
	 */
	public FormErrors check() {
		String digits = digits();
		if (digits.isEmpty()) {
			return FormErrors.none().and("code", "Enter the 6-digit code.");
		}
		if (!digits.matches("\\d{6}")) {
			return FormErrors.none().and("code", "The code is 6 digits, like 123456.");
		}
		return FormErrors.none();
	}

	@Override
	public String toString() {
		return "CodeForm[]";
	}

}
