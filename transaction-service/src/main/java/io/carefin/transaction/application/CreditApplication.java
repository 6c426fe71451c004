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
 * its last four digits.
 *
 * @param id the application's id
 * @param practiceId the practice it was submitted at
 * @param practiceName the practice's name
 * @param submittedAt when it was submitted
 * @param keyedBy {@code PATIENT} or {@code STAFF}
 * @param patient the patient's name and contact
 * @param dateOfBirth the patient's date of birth
 * @param address the patient's address
 * @param ssnLast4 the SSN's last four digits
 * @param annualIncome the patient's annual income
 * @param monthlyHousing the patient's monthly housing payment
 * @param requestedAmount the credit asked for
 * @param status {@code APPROVED}, {@code DECLINED} or {@code PENDING_REVIEW}
 * @param reasons the decline or review reason codes
 * @param creditLimit the limit granted
 * @param accountId the credit line an approval opened
 * @param accountLast4 the last four digits of its number
 * @param decidedAt when it was decided
 * @param reviewed whether support decided it
 */
record CreditApplication(UUID id, UUID practiceId, String practiceName, Instant submittedAt, String keyedBy,
		Patient patient, LocalDate dateOfBirth, Address address, String ssnLast4, BigDecimal annualIncome,
		BigDecimal monthlyHousing, BigDecimal requestedAmount, String status, List<String> reasons,
		@Nullable BigDecimal creditLimit, @Nullable UUID accountId, @Nullable String accountLast4,
		@Nullable Instant decidedAt, boolean reviewed) {

	@Override
	public String toString() {
		return "CreditApplication[id=" + this.id + ", status=" + this.status + "]";
	}

}
