package io.carefin.portal.recovery;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;

/**
 * The forgotten-password form.
 *
 * @param userId the User ID as typed
 * @param email the e-mail address as typed
 */
record PasswordResetRequestForm(@Nullable String userId, @Nullable String email) {

	static PasswordResetRequestForm empty() {
		return new PasswordResetRequestForm("", "");
	}

	FormErrors check() {
		FormErrors errors = FormErrors.none();
		if (this.userId == null || this.userId.isBlank()) {
			errors = errors.and("userId", "Enter your User ID.");
		}
		else if (this.userId.strip().length() > 128) {
			errors = errors.and("userId", "A User ID has at most 128 characters.");
		}
		return EmailForm.checkEmail(errors, this.email);
	}

}
