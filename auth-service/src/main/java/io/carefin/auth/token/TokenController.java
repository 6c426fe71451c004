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

import io.carefin.auth.audit.AuditAction;
import io.carefin.auth.audit.AuditTrail;

/**
 * Renewing and ending sessions.
 */
@RestController
@RequestMapping("/api/auth")
class TokenController {

	private final Sessions sessions;

	private final AuditTrail audit;

	TokenController(Sessions sessions, AuditTrail audit) {
		this.sessions = sessions;
		this.audit = audit;
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
			this.sessions.end(UUID.fromString(token.getSubject()), UUID.fromString(session));
			String practice = token.getClaimAsString("practice_id");
			this.audit.record(AuditAction.LOGOUT, "SUCCEEDED", UUID.fromString(token.getSubject()),
					(practice != null) ? UUID.fromString(practice) : null);
		}
	}

	record RefreshRequest(@NotBlank String refreshToken) {
	}

}
