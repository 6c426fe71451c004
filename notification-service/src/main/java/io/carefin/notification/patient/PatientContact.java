package io.carefin.notification.patient;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How to reach the patient who holds a financing account, and at which practice it was
 * opened.
 *
 * @param accountId the financing account
 * @param practiceId the practice that opened it
 * @param practiceName the practice's name
 * @param firstName the patient's first name
 * @param lastName the patient's last name
 * @param email the patient's e-mail address
 * @param mobile the patient's mobile number, if given
 * @param accountLast4 the last four digits of the account number
 */
public record PatientContact(UUID accountId, UUID practiceId, String practiceName, String firstName, String lastName,
		String email, @Nullable String mobile, String accountLast4) {

	@Override
	public String toString() {
		return "PatientContact[accountId=" + this.accountId + "]";
	}

}
