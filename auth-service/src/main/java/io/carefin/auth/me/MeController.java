package io.carefin.auth.me;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.auth.support.UserNotFoundException;
import io.carefin.auth.user.Permission;
import io.carefin.auth.user.Role;
import io.carefin.auth.user.Users;

/**
 * Who the signed-in practice user is.
 */
@RestController
class MeController {

	private final Users users;

	MeController(Users users) {
		this.users = users;
	}

	@GetMapping("/api/auth/me")
	@PreAuthorize("hasAnyRole('PRACTICE_ADMIN', 'PRACTICE_USER')")
	Me me(@AuthenticationPrincipal Jwt token) {
		return this.users.byId(UUID.fromString(token.getSubject()))
			.map((user) -> new Me(user.userId(), user.email(), new Practice(user.practiceId(), user.practiceName()),
					List.of(user.role()), user.permissions(), List.of()))
			.orElseThrow(UserNotFoundException::new);
	}

	/**
	 * A practice user's profile.
	 *
	 * @param userId what they sign in with
	 * @param email where their notices go
	 * @param practice their practice
	 * @param roles their roles
	 * @param permissions the functions they may use
	 * @param factors their enrolled second factors
	 */
	record Me(String userId, String email, Practice practice, List<Role> roles, Set<Permission> permissions,
			List<String> factors) {
	}

	record Practice(UUID id, String name) {
	}

}
