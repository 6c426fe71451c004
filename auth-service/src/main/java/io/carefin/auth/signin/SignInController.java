package io.carefin.auth.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.token.TokenResponse;

/**
 * The practice users' sign-in endpoint.
 */
@RestController
@RequestMapping("/api/auth")
class SignInController {

	private final SignInService signIns;

	SignInController(SignInService signIns) {
		this.signIns = signIns;
	}

	/**
	 * Signs in: answers with tokens ({@code AUTHENTICATED}) or a second-factor challenge
	 * ({@code MFA_REQUIRED}).
	 */
	@PostMapping("/login")
	Object login(@Valid @RequestBody LoginRequest request) {
		return switch (this.signIns.signIn(request.userId(), request.password())) {
			case SignInService.Authenticated authenticated -> TokenResponse.of(authenticated.tokens());
			case SignInService.SecondFactorNeeded needed -> needed.challenge();
		};
	}

	/**
	 * A sign-in attempt; the sizes only keep absurd input away from the database and the
	 * hash.
	 *
	 * @param userId what the user types to sign in
	 * @param password the user's password
	 */
	record LoginRequest(@NotNull @Size(max = 128) String userId, @NotNull @Size(max = 512) String password) {
	}

}
