package io.carefin.portal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.api.TransactionsApi;
import io.carefin.portal.config.FormErrors;
import io.carefin.portal.workspace.Amounts;

/**
 * The credit application form; its {@code toString} leaves out everything personal.
 *
 * @param keyedBy {@code PATIENT} or {@code STAFF}
 * @param firstName the patient's first name
 * @param lastName the patient's last name
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
 */
record ApplicationForm(@Nullable String keyedBy, @Nullable String firstName, @Nullable String lastName,
		@Nullable String dateOfBirth, @Nullable String ssn, @Nullable String line1, @Nullable String line2,
		@Nullable String city, @Nullable String state, @Nullable String postalCode, @Nullable String email,
		@Nullable String mobile, @Nullable String annualIncome, @Nullable String monthlyHousingPayment,
		@Nullable String requestedAmount) {

	private static final Pattern SSN = Pattern.compile("[0-9]{3}-?[0-9]{2}-?[0-9]{4}");

	private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static ApplicationForm empty() {
		return new ApplicationForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	/**
	 * The same form without its SSN, to show again after a refusal: the SSN is typed
	 * again rather than sent back to the browser.
	 */
	ApplicationForm withoutSsn() {
		return new ApplicationForm(this.keyedBy, this.firstName, this.lastName, this.dateOfBirth, null, this.line1,
				this.line2, this.city, this.state, this.postalCode, this.email, this.mobile, this.annualIncome,
				this.monthlyHousingPayment, this.requestedAmount);
	}

	FormErrors check(LocalDate today) {
		FormErrors errors = FormErrors.none();
		if (!"PATIENT".equals(this.keyedBy) && !"STAFF".equals(this.keyedBy)) {
			errors = errors.and("keyedBy-patient", "Say who is typing the application: the patient or staff.");
		}
		if (blank(this.firstName)) {
			errors = errors.and("firstName", "Enter the patient's first name.");
		}
		if (blank(this.lastName)) {
			errors = errors.and("lastName", "Enter the patient's last name.");
		}
		LocalDate born = birthDate();
		if (born == null) {
			errors = errors.and("dateOfBirth", "Enter the patient's date of birth, like 1980-05-17.");
		}
		else if (!born.isBefore(today)) {
			errors = errors.and("dateOfBirth", "The date of birth must be in the past.");
		}
		if (this.ssn == null || !SSN.matcher(this.ssn.strip()).matches()) {
			errors = errors.and("ssn", "Enter the patient's Social Security number: nine digits, like 123-45-6789.");
		}
		if (blank(this.line1)) {
			errors = errors.and("line1", "Enter the street address.");
		}
		if (blank(this.city)) {
			errors = errors.and("city", "Enter the city.");
		}
		if (this.state == null || !STATE.matcher(this.state.strip()).matches()) {
			errors = errors.and("state", "Enter the state as its two letters, like NY.");
		}
		if (this.postalCode == null || !ZIP.matcher(this.postalCode.strip()).matches()) {
			errors = errors.and("postalCode", "Enter the ZIP code, like 10001.");
		}
		if (this.email == null || !EMAIL.matcher(this.email.strip()).matches()) {
			errors = errors.and("email", "Enter the patient's e-mail address, like name@example.com.");
		}
		if (!blank(this.mobile) && mobileE164() == null) {
			errors = errors.and("mobile",
					"Enter a US mobile number of 10 digits, like 555-201-0123, or leave it empty.");
		}
		if (Amounts.parse(this.annualIncome) == null) {
			errors = errors.and("annualIncome", "Enter the yearly income in dollars, like 52000.");
		}
		if (Amounts.parse(this.monthlyHousingPayment) == null) {
			errors = errors.and("monthlyHousingPayment",
					"Enter the monthly rent or mortgage in dollars, like 1200, or 0 if none.");
		}
		BigDecimal requested = Amounts.parse(this.requestedAmount);
		if (requested == null || requested.signum() <= 0) {
			errors = errors.and("requestedAmount", "Enter the amount of credit requested in dollars, like 2500.");
		}
		return errors;
	}

	/**
	 * The application for the API; only once {@link #check} found nothing wrong.
	 */
	TransactionsApi.ApplicationRequest request() {
		return new TransactionsApi.ApplicationRequest(this.firstName.strip(), this.lastName.strip(), birthDate(),
				this.ssn.strip(),
				new TransactionsApi.Address(this.line1.strip(), blank(this.line2) ? null : this.line2.strip(),
						this.city.strip(), this.state.strip().toUpperCase(Locale.ROOT), this.postalCode.strip()),
				this.email.strip(), mobileE164(), Amounts.parse(this.annualIncome),
				Amounts.parse(this.monthlyHousingPayment), Amounts.parse(this.requestedAmount), this.keyedBy);
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
		return "ApplicationForm[keyedBy=" + this.keyedBy + "]";
	}

}
