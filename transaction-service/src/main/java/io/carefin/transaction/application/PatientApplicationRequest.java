package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.carefin.transaction.application.ApplicationRequest.AddressRequest;
import io.carefin.transaction.application.ApplicationRequest.KeyedBy;

/**
 * A credit application as a patient submits it through the practice's link: the fields of
 * {@link ApplicationRequest} under the same rules, without {@code keyedBy}, which is
 * always the patient. Its {@code toString} leaves out everything personal.
 *
 * @param firstName the patient's first name
 * @param lastName the patient's last name
 * @param dateOfBirth the patient's date of birth
 * @param ssn the patient's SSN, nine digits with or without dashes
 * @param address the patient's address
 * @param email the patient's e-mail address
 * @param mobile the patient's mobile number in E.164, when given
 * @param annualIncome the patient's annual income
 * @param monthlyHousingPayment the patient's monthly rent or mortgage
 * @param requestedAmount the credit the patient asks for
 */
record PatientApplicationRequest(@NotBlank @Size(max = 100) String firstName,
		@NotBlank @Size(max = 100) String lastName, @NotNull @Past LocalDate dateOfBirth,
		@NotNull @Pattern(regexp = "[0-9]{3}-?[0-9]{2}-?[0-9]{4}", message = "must be nine digits") String ssn,
		@NotNull @Valid AddressRequest address, @NotBlank @Email @Size(max = 254) String email,
		@Nullable @Pattern(regexp = "\\+[1-9][0-9]{7,14}",
				message = "must be in E.164, like +15555550100") String mobile,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal annualIncome,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal monthlyHousingPayment,
		@NotNull @DecimalMin("1.00") @Digits(integer = 10, fraction = 2) BigDecimal requestedAmount) {

	/**
	 * The same application, keyed by the patient.
	 */
	ApplicationRequest keyedByThePatient() {
		return new ApplicationRequest(this.firstName, this.lastName, this.dateOfBirth, this.ssn, this.address,
				this.email, this.mobile, this.annualIncome, this.monthlyHousingPayment, this.requestedAmount,
				KeyedBy.PATIENT);
	}

	@Override
	public String toString() {
		return "PatientApplicationRequest[…]";
	}

}
