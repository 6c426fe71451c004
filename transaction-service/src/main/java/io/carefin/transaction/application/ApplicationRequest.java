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

/**
 * A credit application as a practice submits it for a patient. Its {@code toString}
 * leaves out everything personal.
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
 * @param keyedBy who keyed the application in
 */
record ApplicationRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
		@NotNull @Past LocalDate dateOfBirth,
		@NotNull @Pattern(regexp = "[0-9]{3}-?[0-9]{2}-?[0-9]{4}", message = "must be nine digits") String ssn,
		@NotNull @Valid AddressRequest address, @NotBlank @Email @Size(max = 254) String email,
		@Nullable @Pattern(regexp = "\\+[1-9][0-9]{7,14}",
				message = "must be in E.164, like +15555550100") String mobile,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal annualIncome,
		@NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal monthlyHousingPayment,
		@NotNull @DecimalMin("1.00") @Digits(integer = 10, fraction = 2) BigDecimal requestedAmount,
		@NotNull KeyedBy keyedBy) {

	/**
	 * The SSN's nine digits.
	 */
	String ssnDigits() {
		return this.ssn.replace("-", "");
	}

	@Override
	public String toString() {
		return "ApplicationRequest[…]";
	}

	/**
	 * Who keyed the application in.
	 */
	enum KeyedBy {

		/**
		 * The patient, on the practice's device or link.
		 */
		PATIENT,

		/**
		 * The practice's staff.
		 */
		STAFF

	}

	/**
	 * A US postal address.
	 *
	 * @param line1 street and number
	 * @param line2 apartment, suite or unit
	 * @param city the city
	 * @param state the two-letter state code
	 * @param postalCode the ZIP code
	 */
	record AddressRequest(@NotBlank @Size(max = 200) String line1, @Nullable @Size(max = 200) String line2,
			@NotBlank @Size(max = 100) String city,
			@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
			@NotNull @Pattern(regexp = "[0-9]{5}(-[0-9]{4})?", message = "must be a ZIP code") String postalCode) {

		@Override
		public String toString() {
			return "AddressRequest[…]";
		}

	}

}
