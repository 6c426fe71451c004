package io.carefin.portal.signin;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.config.FormErrors;

/**
 * The sign-in form; after a refusal, the User ID goes back to the page as a flash
 * attribute, never the password.
 *
 * @param userId the User ID as typed
 * @param password the password as typed
 */
record SignInForm(@Nullable String userId, @Nullable String password) implements Serializable {

	static SignInForm empty() {
		return new SignInForm("", "");
	}

	FormErrors check() {
		FormErrors errors = FormErrors.none();
		if (this.userId == null || this.userId.isBlank()) {
			errors = errors.and("userId", "Enter your User ID.");
		}
		if (this.password == null || this.password.isEmpty()) {
			errors = errors.and("password", "Enter your Password.");
		}
		return errors;
	}

	/**
	 * The form as shown again: the User ID kept, the password never.
	 */
	SignInForm withoutPassword() {
		return new SignInForm((this.userId != null) ? this.userId : "", "");
	}

	@Override
	public String toString() {
		return "SignInForm[userId=" + this.userId + "]";
	}

}
