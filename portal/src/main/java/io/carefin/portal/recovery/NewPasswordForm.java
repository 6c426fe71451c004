package io.carefin.portal.recovery;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;

/**
 * A new password, typed twice.
 *
 * @param newPassword the new password
 * @param confirmPassword the new password again
 */
public record NewPasswordForm(@Nullable String newPassword, @Nullable String confirmPassword) {

	/**
	 * What is wrong with the two passwords, if anything; the password policy itself is
	 * the API's to apply.
	 */
	public FormErrors check() {
		FormErrors errors = FormErrors.none();
		if (this.newPassword == null || this.newPassword.isEmpty()) {
			errors = errors.and("newPassword", "Enter a new password.");
		}
		if (this.confirmPassword == null || this.confirmPassword.isEmpty()) {
			errors = errors.and("confirmPassword", "Enter the new password again.");
		}
		else if (this.newPassword != null && !this.newPassword.isEmpty()
				&& !this.newPassword.equals(this.confirmPassword)) {
			errors = errors.and("confirmPassword", "The two passwords don't match. Enter the same password twice.");
		}
		return errors;
	}

	@Override
	public String toString() {
		return "NewPasswordForm[]";
	}

}
