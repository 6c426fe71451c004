package io.carefin.auth.token;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renewing and ending sessions.
 */
@RestController
@RequestMapping("/api/auth")
class TokenController {

	private final Sessions sessions;

	TokenController(Sessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/token/refresh")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return TokenResponse.of(this.sessions.refresh(request.refreshToken()));
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal Jwt token) {
		String session = token.getClaimAsString("sid");
		if (session != null) {
			this.sessions.end(UUID.fromString(session));
		}
	}

	record RefreshRequest(@NotBlank String refreshToken) {
	}

}
