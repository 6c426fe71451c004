package io.carefin.portal.account;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.api.AccountsApi;
import io.carefin.portal.config.FormErrors;

/**
 * The account lookup: last name and date of birth, or the account number. Its
 * {@code toString} leaves out what it holds.
 *
 * @param lastName the patient's last name
 * @param dateOfBirth the date of birth, as {@code YYYY-MM-DD}
 * @param accountNumber the 16-digit account number
 */
public record LookupForm(@Nullable String lastName, @Nullable String dateOfBirth, @Nullable String accountNumber) {

	public static LookupForm empty() {
		return new LookupForm(null, null, null);
	}

	/**
	 * The form as it is shown again: never with the account number.
	 */
	public LookupForm shownAgain() {
		return new LookupForm(this.lastName, this.dateOfBirth, null);
	}

	/**
	 * What is wrong with the lookup.
	 */
	public FormErrors check() {
		FormErrors errors = FormErrors.none();
		String digits = digits();
		if (!digits.isEmpty()) {
			if (digits.length() != 16) {
				errors = errors.and("accountNumber", "An account number has 16 digits.");
			}
			return errors;
		}
		if (blank(this.lastName) && blank(this.dateOfBirth)) {
			return errors.and("lastName", "Enter the patient's last name and date of birth, or their account number.");
		}
		if (blank(this.lastName)) {
			errors = errors.and("lastName", "Enter the patient's last name.");
		}
		if (birthDate() == null) {
			errors = errors.and("dateOfBirth", "Enter the patient's date of birth, like 1980-05-17.");
		}
		return errors;
	}

	/**
	 * The accounts the lookup finds, asked in a POST's body so that the date of birth
	 * never goes in a URL; only once {@link #check} found nothing wrong.
	 */
	public List<AccountsApi.Match> find(AccountsApi accounts) {
		String digits = digits();
		if (!digits.isEmpty()) {
			return accounts.lookup(AccountsApi.Lookup.byNumber(digits));
		}
		return accounts.lookup(AccountsApi.Lookup.byName(this.lastName.strip(), birthDate().toString()));
	}

	private String digits() {
		return (this.accountNumber != null) ? this.accountNumber.replaceAll("[\\s-]", "") : "";
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

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	@Override
	public String toString() {
		return "LookupForm[]";
	}

}
