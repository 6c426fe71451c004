package io.carefin.portal.api;

import java.util.UUID;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * auth-service's endpoints that anyone may call: sign-in, the second factor, renewing
 * tokens, recovery and activation. Calls carry no bearer token.
 */
@HttpExchange(url = "/api/auth", accept = "application/json")
public interface AuthApi {

	@PostExchange("/login")
	SignInAnswer login(@RequestBody Credentials credentials);

	@PostExchange("/mfa/verify")
	Tokens verify(@RequestBody ChallengeAnswer answer);

	@PostExchange("/mfa/resend")
	void resend(@RequestBody Resend resend);

	@PostExchange("/token/refresh")
	Tokens refresh(@RequestBody Refresh refresh);

	@PostExchange("/recovery/user-id")
	void remindUserId(@RequestBody UserIdReminder reminder);

	@PostExchange("/recovery/password")
	void requestPasswordReset(@RequestBody PasswordResetRequest request);

	@PostExchange("/recovery/password/reset")
	void resetPassword(@RequestBody PasswordReset reset);

	@PostExchange("/users/activate")
	void activate(@RequestBody Activation activation);

	/**
	 * A sign-in attempt.
	 *
	 * @param userId what the user typed as their User ID
	 * @param password what the user typed as their password
	 */
	record Credentials(String userId, String password) {

		@Override
		public String toString() {
			return "Credentials[userId=" + this.userId + "]";
		}

	}

	/**
	 * A code that answers a sign-in challenge.
	 *
	 * @param challengeId the challenge
	 * @param code the six digits
	 */
	record ChallengeAnswer(UUID challengeId, String code) {

		@Override
		public String toString() {
			return "ChallengeAnswer[challengeId=" + this.challengeId + "]";
		}

	}

	/**
	 * A request for a new code by the given method.
	 *
	 * @param challengeId the challenge
	 * @param method where the code should go
	 */
	record Resend(UUID challengeId, Method method) {

	}

	/**
	 * A refresh token to exchange for a new pair.
	 *
	 * @param refreshToken the single-use refresh token
	 */
	record Refresh(String refreshToken) {

		@Override
		public String toString() {
			return "Refresh[]";
		}

	}

	/**
	 * A request to have the User ID e-mailed.
	 *
	 * @param email the address the user gave
	 */
	record UserIdReminder(String email) {

	}

	/**
	 * A request for a password-reset link.
	 *
	 * @param userId the User ID the user gave
	 * @param email the address the user gave
	 */
	record PasswordResetRequest(String userId, String email) {

	}

	/**
	 * A new password, with the token from the reset link.
	 *
	 * @param token the link's single-use token
	 * @param newPassword the chosen password
	 */
	record PasswordReset(String token, String newPassword) {

		@Override
		public String toString() {
			return "PasswordReset[]";
		}

	}

	/**
	 * An invited user's first password, with the token from the activation link.
	 *
	 * @param token the link's single-use token
	 * @param password the chosen password
	 */
	record Activation(String token, String password) {

		@Override
		public String toString() {
			return "Activation[]";
		}

	}

}
