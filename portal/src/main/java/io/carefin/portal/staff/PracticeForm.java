package io.carefin.portal.staff;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;

/**
 * The practice form as typed: enrolment uses every field, an edit all but the codes and
 * the first administrator.
 *
 * @param name the practice's name
 * @param merchantId its merchant ID
 * @param practiceCode its code, in patients' links
 * @param timeZone its time zone
 * @param line1 street and number
 * @param line2 suite
 * @param city city
 * @param state two-letter state
 * @param postalCode ZIP code
 * @param contactName support contact's name
 * @param contactEmail support contact's e-mail
 * @param contactPhone support contact's phone
 * @param adminUserId the first administrator's user ID
 * @param adminEmail the first administrator's e-mail
 * @param promotions the plans to offer
 * @param reason why
 */
record PracticeForm(@Nullable String name, @Nullable String merchantId, @Nullable String practiceCode,
		@Nullable String timeZone, @Nullable String line1, @Nullable String line2, @Nullable String city,
		@Nullable String state, @Nullable String postalCode, @Nullable String contactName,
		@Nullable String contactEmail, @Nullable String contactPhone, @Nullable String adminUserId,
		@Nullable String adminEmail, @Nullable List<String> promotions, @Nullable String reason) {

	static final List<String> TIME_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
			"America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu");

	private static final Pattern STATE = Pattern.compile("[A-Z]{2}");

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	/** As auth-service takes them: 6 to 20 digits. */
	private static final Pattern MERCHANT_ID = Pattern.compile("\\d{6,20}");

	/** As auth-service takes them: 3 to 32 letters, digits and hyphens. */
	private static final Pattern PRACTICE_CODE = Pattern.compile("[A-Za-z0-9-]{3,32}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static PracticeForm empty() {
		return new PracticeForm(null, null, null, "America/New_York", null, null, null, null, null, null, null, null,
				null, null, List.of(), null);
	}

	static PracticeForm of(OpsApi.Practice practice) {
		OpsApi.Address address = practice.address();
		OpsApi.Contact contact = practice.supportContact();
		return new PracticeForm(practice.name(), practice.merchantId(), practice.practiceCode(), practice.timeZone(),
				(address != null) ? address.line1() : null, (address != null) ? address.line2() : null,
				(address != null) ? address.city() : null, (address != null) ? address.state() : null,
				(address != null) ? address.postalCode() : null, (contact != null) ? contact.name() : null,
				(contact != null) ? contact.email() : null, (contact != null) ? contact.phone() : null, null, null,
				List.of(), null);
	}

	public List<String> chosenPromotions() {
		return (this.promotions != null) ? this.promotions : List.of();
	}

	/**
	 * What is missing or wrong, for an enrolment ({@code enrolment}) or an edit.
	 */
	FormErrors errors(boolean enrolment) {
		FormErrors errors = FormErrors.none();
		errors = required(errors, "name", this.name, "Enter the practice's name.");
		if (enrolment) {
			if (this.merchantId == null || !MERCHANT_ID.matcher(this.merchantId.strip()).matches()) {
				errors = errors.and("merchantId", "Enter the practice's merchant ID: 6 to 20 digits.");
			}
			if (this.practiceCode == null || !PRACTICE_CODE.matcher(this.practiceCode.strip()).matches()) {
				errors = errors.and("practiceCode",
						"Enter the practice code: 3 to 32 letters, digits or hyphens, like LAKESIDE-DENTAL.");
			}
		}
		if (this.timeZone == null || !TIME_ZONES.contains(this.timeZone)) {
			errors = errors.and("timeZone", "Choose the practice's time zone.");
		}
		errors = required(errors, "line1", this.line1, "Enter the street address.");
		errors = required(errors, "city", this.city, "Enter the city.");
		if (this.state == null || !STATE.matcher(this.state.strip().toUpperCase()).matches()) {
			errors = errors.and("state", "Enter the state as two letters, like NY.");
		}
		if (this.postalCode == null || !ZIP.matcher(this.postalCode.strip()).matches()) {
			errors = errors.and("postalCode", "Enter the ZIP code, like 10001.");
		}
		errors = required(errors, "contactName", this.contactName, "Enter the support contact's name.");
		if (this.contactEmail == null || !EMAIL.matcher(this.contactEmail.strip()).matches()) {
			errors = errors.and("contactEmail", "Enter the support contact's e-mail address.");
		}
		errors = required(errors, "contactPhone", this.contactPhone, "Enter the support contact's phone number.");
		if (enrolment) {
			errors = required(errors, "adminUserId", this.adminUserId, "Enter the first administrator's user ID.");
			if (this.adminEmail == null || !EMAIL.matcher(this.adminEmail.strip()).matches()) {
				errors = errors.and("adminEmail", "Enter the e-mail address the activation link goes to.");
			}
		}
		return required(errors, "reason", this.reason, "Give the reason for this change; it goes in the audit trail.");
	}

	OpsApi.Address address() {
		return new OpsApi.Address(strip(this.line1), blankToNull(this.line2), strip(this.city),
				strip(this.state).toUpperCase(), strip(this.postalCode));
	}

	OpsApi.Contact contact() {
		return new OpsApi.Contact(strip(this.contactName), strip(this.contactEmail), strip(this.contactPhone));
	}

	OpsApi.Enrolment enrolment() {
		return new OpsApi.Enrolment(strip(this.name), strip(this.merchantId), strip(this.practiceCode),
				strip(this.timeZone), address(), contact(),
				new OpsApi.FirstAdmin(strip(this.adminUserId), strip(this.adminEmail)));
	}

	OpsApi.PracticeChange change() {
		return new OpsApi.PracticeChange(strip(this.name), strip(this.timeZone), address(), contact());
	}

	private static FormErrors required(FormErrors errors, String field, @Nullable String value, String message) {
		return (value == null || value.isBlank()) ? errors.and(field, message) : errors;
	}

	private static String strip(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
