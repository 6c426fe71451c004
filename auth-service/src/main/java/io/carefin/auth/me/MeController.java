package io.carefin.auth.me;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.mfa.EnrolledFactor;
import io.carefin.auth.mfa.SecondFactorService;
import io.carefin.auth.support.UserNotFoundException;
import io.carefin.auth.token.Sessions;
import io.carefin.auth.user.Permission;
import io.carefin.auth.user.Role;
import io.carefin.auth.user.Users;

/**
 * Who the signed-in practice user is, and their password.
 */
@RestController
@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
class MeController {

	private final Users users;

	private final SecondFactorService factors;

	private final PasswordChangeService passwords;

	private final Sessions sessions;

	MeController(Users users, SecondFactorService factors, PasswordChangeService passwords, Sessions sessions) {
		this.users = users;
		this.factors = factors;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	/**
	 * The profile, once the token's session is known to be still open: the portal asks on
	 * every private page, so that a session ended elsewhere (a password reset, a
	 * suspension) ends there at once rather than when its access token expires.
	 */
	@GetMapping("/api/auth/me")
	Me me(@AuthenticationPrincipal Jwt token) {
		String session = token.getClaimAsString("sid");
		if (session != null) {
			this.sessions.requireActive(UUID.fromString(session));
		}
		return this.users.byId(UUID.fromString(token.getSubject()))
			.map((user) -> new Me(user.userId(), user.email(),
					new Practice(user.practiceId(), user.practiceName(), user.practiceCode()), List.of(user.role()),
					user.permissions(), this.factors.enrolled(user.id()), user.practiceRequiresMfa()))
			.orElseThrow(UserNotFoundException::new);
	}

	/**
	 * Changes the password; the session of the token stays signed in, the user's other
	 * sessions end.
	 */
	@PostMapping("/api/auth/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PasswordChange change) {
		String session = token.getClaimAsString("sid");
		this.passwords.change(UUID.fromString(token.getSubject()), (session != null) ? UUID.fromString(session) : null,
				change.currentPassword(), change.newPassword());
	}

	/**
	 * A practice user's profile.
	 *
	 * @param userId what they sign in with
	 * @param email where their notices go
	 * @param practice their practice
	 * @param roles their roles
	 * @param permissions the functions they may use
	 * @param factors their confirmed second factors, destinations masked
	 * @param secondFactorRequired whether their practice requires a second factor of
	 * every user (without a factor of their own, they get codes by e-mail)
	 */
	record Me(String userId, String email, Practice practice, List<Role> roles, Set<Permission> permissions,
			List<EnrolledFactor> factors, boolean secondFactorRequired) {
	}

	/**
	 * The user's practice.
	 *
	 * @param id the practice
	 * @param name its name
	 * @param code its practice code, as in {@code /apply/{practiceCode}}; {@code null}
	 * for a practice without one
	 */
	record Practice(UUID id, String name, @Nullable String code) {
	}

	/**
	 * A password change; the sizes only keep absurd input away from the hash.
	 *
	 * @param currentPassword the password the user signs in with now
	 * @param newPassword the password they want instead
	 */
	record PasswordChange(@NotNull @Size(max = 512) String currentPassword,
			@NotBlank @Size(max = 512) String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[currentPassword=***, newPassword=***]";
		}

	}

}
