package io.carefin.portal.api;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * auth-service's endpoints for the signed-in user: who they are, signing out, their
 * password and their second factors. Calls carry the user's bearer token from the
 * server-side session.
 */
@HttpExchange(url = "/api/auth", accept = "application/json")
public interface MyAccountApi {

	@GetExchange("/me")
	Me me();

	@PostExchange("/logout")
	void logout();

	@PostExchange("/me/password")
	void changePassword(@RequestBody PasswordChange change);

	@DeleteExchange("/me/factors/{method}")
	void removeFactor(@PathVariable String method);

	@PostExchange("/me/factors/totp")
	AuthenticatorEnrolment startAuthenticatorApp();

	@PostExchange("/me/factors/totp/confirm")
	void confirmAuthenticatorApp(@RequestBody Code code);

	@PostExchange("/me/factors/sms")
	CodeSent startTextMessages(@RequestBody Phone phone);

	@PostExchange("/me/factors/email")
	CodeSent startEmails();

	@PostExchange("/me/factors/{method}/confirm")
	void confirmCodes(@PathVariable String method, @RequestBody CodeConfirmation confirmation);

	/**
	 * A password change.
	 *
	 * @param currentPassword the password the user signed in with
	 * @param newPassword the chosen password
	 */
	record PasswordChange(String currentPassword, String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[]";
		}

	}

	/**
	 * What an authenticator app needs.
	 *
	 * @param secret the shared secret in Base32
	 * @param otpauthUri the {@code otpauth://} URI a QR code carries
	 */
	record AuthenticatorEnrolment(String secret, String otpauthUri) {

		@Override
		public String toString() {
			return "AuthenticatorEnrolment[]";
		}

	}

	/**
	 * A code from the authenticator app.
	 *
	 * @param code the six digits
	 */
	record Code(String code) {

		@Override
		public String toString() {
			return "Code[]";
		}

	}

	/**
	 * A mobile phone number for text-message codes.
	 *
	 * @param phone the number as the user typed it
	 */
	record Phone(String phone) {

	}

	/**
	 * The API's answer to a new phone number or e-mail factor: a code went to it.
	 *
	 * @param challengeId what the code must be confirmed with
	 * @param destinations where the code went, masked
	 */
	record CodeSent(UUID challengeId, Map<Method, String> destinations) {

	}

	/**
	 * The code that confirms a new phone number or e-mail factor.
	 *
	 * @param challengeId the enrolment's challenge
	 * @param code the six digits
	 */
	record CodeConfirmation(UUID challengeId, String code) {

		@Override
		public String toString() {
			return "CodeConfirmation[challengeId=" + this.challengeId + "]";
		}

	}

}
