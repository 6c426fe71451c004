package io.carefin.portal.recovery;

import io.carefin.portal.api.ApiProblemException;
import io.carefin.portal.config.FormErrors;

/**
 * The password policy's refusals, as errors on the new-password field.
 */
public final class PasswordRefusals {

	private PasswordRefusals() {
	}

	/**
	 * The problem's reasons (the policy's sentences), or its detail when it lists none,
	 * as errors of the given field.
	 */
	public static FormErrors of(ApiProblemException ex, String field) {
		FormErrors errors = FormErrors.none();
		for (String reason : ex.errors()) {
			errors = errors.and(field, reason);
		}
		if (!errors.any()) {
			String detail = ex.detail();
			errors = errors.and(field, (detail != null && !detail.isBlank()) ? detail : "Choose another password.");
		}
		return errors;
	}

	/**
	 * Whether the problem is the password policy's (or the API's own checks of the
	 * password's length), so the user can choose another.
	 */
	public static boolean isRefusal(ApiProblemException ex) {
		return ex.is("password-rejected") || ex.status() == 422
				|| (ex.status() == 400 && !ex.is("link-invalid") && !ex.errors().isEmpty());
	}

}
