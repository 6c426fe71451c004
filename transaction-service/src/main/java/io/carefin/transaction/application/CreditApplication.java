package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.Patient;

/**
 * A patient's credit application and its decision. It never holds the SSN in clear, only
 * its last four digits and its keyed fingerprint.
 *
 * @param id the application's id
 * @param practiceId the practice it was submitted at
 * @param practiceName the practice's name
 * @param submittedAt when it was submitted
 * @param keyedBy {@code PATIENT} or {@code STAFF}
 * @param patient the patient's name and contact
 * @param dateOfBirth the patient's date of birth
 * @param address the patient's address
 * @param ssnHash the SSN's keyed fingerprint, which with the date of birth identifies the
 * person
 * @param ssnLast4 the SSN's last four digits
 * @param annualIncome the patient's annual income
 * @param monthlyHousing the patient's monthly housing payment
 * @param requestedAmount the credit asked for
 * @param status {@code APPROVED}, {@code DECLINED} or {@code PENDING_REVIEW}
 * @param reasons the decline or review reason codes
 * @param creditLimit the limit granted
 * @param accountId the credit line an approval opened or found
 * @param accountLast4 the last four digits of its number
 * @param existingAccount whether the approval found a credit line the person already held
 * @param decidedAt when it was decided
 * @param reviewed whether support decided it
 * @param decidedFrom the person's application at another practice whose decision it took,
 * never shown to the practice
 */
record CreditApplication(UUID id, UUID practiceId, String practiceName, Instant submittedAt, String keyedBy,
		Patient patient, LocalDate dateOfBirth, Address address, String ssnHash, String ssnLast4,
		BigDecimal annualIncome, BigDecimal monthlyHousing, BigDecimal requestedAmount, String status,
		List<String> reasons, @Nullable BigDecimal creditLimit, @Nullable UUID accountId, @Nullable String accountLast4,
		boolean existingAccount, @Nullable Instant decidedAt, boolean reviewed, @Nullable UUID decidedFrom) {

	@Override
	public String toString() {
		return "CreditApplication[id=" + this.id + ", status=" + this.status + "]";
	}

}
