package io.carefin.auth.mfa;

import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.support.UserNotFoundException;
import io.carefin.auth.user.Users;

/**
 * A signed-in practice user removes one of their confirmed second factors ({@code totp},
 * {@code sms} or {@code email}, in any case). Removing the last one is allowed even when
 * the practice requires a second factor; the user then gets sign-in codes at their e-mail
 * address on file.
 */
@RestController
@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
class SecondFactorController {

	private final SecondFactorService factors;

	private final Users users;

	SecondFactorController(SecondFactorService factors, Users users) {
		this.factors = factors;
		this.users = users;
	}

	@DeleteMapping("/api/auth/me/factors/{method}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal Jwt token, @PathVariable String method) {
		this.factors.remove(
				this.users.byId(UUID.fromString(token.getSubject())).orElseThrow(UserNotFoundException::new),
				method(method));
	}

	private static Method method(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "totp" -> Method.TOTP;
			case "sms" -> Method.SMS;
			case "email" -> Method.EMAIL;
			default -> throw new FactorNotEnrolledException();
		};
	}

}
