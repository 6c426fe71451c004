package io.carefin.contracts.transaction;

import org.jspecify.annotations.Nullable;

/**
 * How to address and reach an applicant.
 *
 * @param firstName the patient's first name
 * @param lastName the patient's last name
 * @param email the patient's e-mail address
 * @param mobile the patient's mobile number in E.164, when given
 */
public record Patient(String firstName, String lastName, String email, @Nullable String mobile) {

	@Override
	public String toString() {
		return "Patient[…]";
	}

}
