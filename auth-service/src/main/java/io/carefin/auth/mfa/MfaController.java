package io.carefin.auth.mfa;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.token.TokenResponse;

/**
 * Answering a sign-in's second-factor challenge.
 */
@RestController
@RequestMapping("/api/auth/mfa")
class MfaController {

	private final SecondFactorChallenges challenges;

	MfaController(SecondFactorChallenges challenges) {
		this.challenges = challenges;
	}

	@PostMapping("/verify")
	TokenResponse verify(@Valid @RequestBody VerifyRequest request) {
		return TokenResponse.of(this.challenges.verify(request.challengeId(), request.code()));
	}

	@PostMapping("/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void resend(@Valid @RequestBody ResendRequest request) {
		this.challenges.resend(request.challengeId(), request.method());
	}

	record VerifyRequest(@NotNull UUID challengeId, @NotNull @Pattern(regexp = "\\d{6}") String code) {
	}

	record ResendRequest(@NotNull UUID challengeId, @NotNull Method method) {
	}

}
