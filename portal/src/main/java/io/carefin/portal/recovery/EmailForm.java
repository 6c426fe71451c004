package io.carefin.portal.recovery;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;

/**
 * The forgotten-User-ID form.
 *
 * @param email the e-mail address as typed
 */
record EmailForm(@Nullable String email) {

	static EmailForm empty() {
		return new EmailForm("");
	}

	FormErrors check() {
		return checkEmail(FormErrors.none(), this.email);
	}

	static FormErrors checkEmail(FormErrors errors, @Nullable String email) {
		if (email == null || email.isBlank()) {
			return errors.and("email", "Enter your e-mail address.");
		}
		String address = email.strip();
		if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			return errors.and("email", "Enter an e-mail address in the correct format, like name@example.com.");
		}
		return errors;
	}

}
