package io.carefin.account.account;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.transaction.Address;

/**
 * What an account knows about its patient, stored encrypted; its {@code toString} names
 * nothing.
 *
 * @param firstName the patient's first name
 * @param lastName the patient's last name
 * @param email the patient's e-mail address
 * @param mobile the patient's mobile number, when given
 * @param dateOfBirth the patient's date of birth
 * @param address the patient's postal address
 */
public record PatientProfile(String firstName, String lastName, String email, @Nullable String mobile,
		LocalDate dateOfBirth, Address address) {

	@Override
	public String toString() {
		return "PatientProfile[…]";
	}

}
