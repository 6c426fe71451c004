package io.carefin.portal.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;
import io.carefin.portal.workspace.Amounts;

/**
 * The form a patient fills in on their own device, with the fields of the practice's
 * application form and the patient's consent; its {@code toString} leaves out everything
 * personal.
 *
 * @param firstName first name
 * @param lastName last name
 * @param dateOfBirth the date of birth, as {@code YYYY-MM-DD}
 * @param ssn the SSN
 * @param line1 street and number
 * @param line2 apartment or suite
 * @param city the city
 * @param state the two-letter state code
 * @param postalCode the ZIP code
 * @param email the e-mail address
 * @param mobile the mobile number
 * @param annualIncome yearly income
 * @param monthlyHousingPayment rent or mortgage a month
 * @param requestedAmount the credit asked for
 * @param consent {@code yes} when the patient ticked the consent
 */
record PatientApplicationForm(@Nullable String firstName, @Nullable String lastName, @Nullable String dateOfBirth,
		@Nullable String ssn, @Nullable String line1, @Nullable String line2, @Nullable String city,
		@Nullable String state, @Nullable String postalCode, @Nullable String email, @Nullable String mobile,
		@Nullable String annualIncome, @Nullable String monthlyHousingPayment, @Nullable String requestedAmount,
		@Nullable String consent) {

	private static final Pattern SSN = Pattern.compile("[0-9]{3}-?[0-9]{2}-?[0-9]{4}");

	private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static PatientApplicationForm empty() {
		return new PatientApplicationForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	/**
	 * The same form without its SSN, to show again after a refusal: the SSN is typed
	 * again rather than sent back to the browser.
	 */
	PatientApplicationForm withoutSsn() {
		return new PatientApplicationForm(this.firstName, this.lastName, this.dateOfBirth, null, this.line1, this.line2,
				this.city, this.state, this.postalCode, this.email, this.mobile, this.annualIncome,
				this.monthlyHousingPayment, this.requestedAmount, this.consent);
	}

	public boolean consented() {
		return "yes".equals(this.consent);
	}

	FormErrors check(LocalDate today) {
		FormErrors errors = FormErrors.none();
		if (blank(this.firstName)) {
			errors = errors.and("firstName", sentence("firstName"));
		}
		if (blank(this.lastName)) {
			errors = errors.and("lastName", sentence("lastName"));
		}
		LocalDate born = birthDate();
		if (born == null) {
			errors = errors.and("dateOfBirth", sentence("dateOfBirth"));
		}
		else if (!born.isBefore(today)) {
			errors = errors.and("dateOfBirth", "Your date of birth must be in the past.");
		}
		if (this.ssn == null || !SSN.matcher(this.ssn.strip()).matches()) {
			errors = errors.and("ssn", sentence("ssn"));
		}
		if (this.email == null || !EMAIL.matcher(this.email.strip()).matches()) {
			errors = errors.and("email", sentence("email"));
		}
		if (!blank(this.mobile) && mobileE164() == null) {
			errors = errors.and("mobile", sentence("mobile"));
		}
		if (blank(this.line1)) {
			errors = errors.and("line1", sentence("line1"));
		}
		if (blank(this.city)) {
			errors = errors.and("city", sentence("city"));
		}
		if (this.state == null || !STATE.matcher(this.state.strip()).matches()) {
			errors = errors.and("state", sentence("state"));
		}
		if (this.postalCode == null || !ZIP.matcher(this.postalCode.strip()).matches()) {
			errors = errors.and("postalCode", sentence("postalCode"));
		}
		if (Amounts.parse(this.annualIncome) == null) {
			errors = errors.and("annualIncome", sentence("annualIncome"));
		}
		if (Amounts.parse(this.monthlyHousingPayment) == null) {
			errors = errors.and("monthlyHousingPayment", sentence("monthlyHousingPayment"));
		}
		BigDecimal requested = Amounts.parse(this.requestedAmount);
		if (requested == null || requested.signum() <= 0) {
			errors = errors.and("requestedAmount", sentence("requestedAmount"));
		}
		if (!consented()) {
			errors = errors.and("consent", sentence("consent"));
		}
		return errors;
	}

	/**
	 * What to change in the given field, as a sentence to the patient; for a field the
	 * API named.
	 */
	static String sentence(String field) {
		return switch (field) {
			case "firstName" -> "Enter your first name.";
			case "lastName" -> "Enter your last name.";
			case "dateOfBirth" -> "Enter your date of birth, like 1980-05-17.";
			case "ssn" -> "Enter your Social Security number: nine digits, like 123-45-6789.";
			case "email" -> "Enter your e-mail address, like name@example.com.";
			case "mobile" -> "Enter a US mobile number of 10 digits, like 555-201-0123, or leave it empty.";
			case "line1" -> "Enter your street address.";
			case "line2" -> "Check your apartment, suite or unit, or leave it empty.";
			case "city" -> "Enter your city.";
			case "state" -> "Enter your state as its two letters, like NY.";
			case "postalCode" -> "Enter your ZIP code, like 10001.";
			case "annualIncome" -> "Enter your yearly income before tax in dollars, like 52000.";
			case "monthlyHousingPayment" -> "Enter your monthly rent or mortgage in dollars, like 1200, or 0 if none.";
			case "requestedAmount" -> "Enter the amount of credit you need in dollars, like 2500.";
			case "consent" -> "To apply, tick the box to agree to the credit check and to receive the disclosures "
					+ "electronically.";
			default -> "Check your details: CareFin could not accept the application as it is.";
		};
	}

	/**
	 * The application for the API; only once {@link #check} found nothing wrong.
	 */
	PatientApplicationsApi.ApplicationRequest request() {
		return new PatientApplicationsApi.ApplicationRequest(this.firstName.strip(), this.lastName.strip(), birthDate(),
				this.ssn.strip(),
				new PatientApplicationsApi.Address(this.line1.strip(), blank(this.line2) ? null : this.line2.strip(),
						this.city.strip(), this.state.strip().toUpperCase(Locale.ROOT), this.postalCode.strip()),
				this.email.strip(), mobileE164(), Amounts.parse(this.annualIncome),
				Amounts.parse(this.monthlyHousingPayment), Amounts.parse(this.requestedAmount));
	}

	private @Nullable LocalDate birthDate() {
		if (blank(this.dateOfBirth)) {
			return null;
		}
		try {
			return LocalDate.parse(this.dateOfBirth.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private @Nullable String mobileE164() {
		if (blank(this.mobile)) {
			return null;
		}
		String digits = this.mobile.replaceAll("[^0-9]", "");
		if (digits.length() == 11 && digits.startsWith("1")) {
			digits = digits.substring(1);
		}
		return (digits.length() == 10) ? "+1" + digits : null;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "PatientApplicationForm[…]";
	}

}
