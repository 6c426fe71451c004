package io.carefin.portal.profile;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;
import io.carefin.portal.recovery.NewPasswordForm;

/**
 * The change-password form.
 *
 * @param currentPassword the password the user signs in with now
 * @param newPassword the new password
 * @param confirmPassword the new password again
 */
record PasswordChangeForm(@Nullable String currentPassword, @Nullable String newPassword,
		@Nullable String confirmPassword) {

	FormErrors check() {
		FormErrors errors = FormErrors.none();
		if (this.currentPassword == null || this.currentPassword.isEmpty()) {
			errors = errors.and("currentPassword", "Enter your current password.");
		}
		for (var error : new NewPasswordForm(this.newPassword, this.confirmPassword).check().list()) {
			errors = errors.and(error.field(), error.message());
		}
		return errors;
	}

	@Override
	public String toString() {
		return "PasswordChangeForm[]";
	}

}
