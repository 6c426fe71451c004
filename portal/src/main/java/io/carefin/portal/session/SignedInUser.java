package io.carefin.portal.session;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.carefin.portal.api.Me;

/**
 * The signed-in practice user, as the portal's pages show them and Spring Security knows
 * them (the principal of the session's authentication).
 *
 * @param userId what they sign in with
 * @param practiceId their practice
 * @param practiceName their practice's name
 * @param roles their roles, such as {@code PRACTICE_ADMIN}
 * @param permissions the functions they may use, such as {@code PROCESS_PURCHASES}
 */
public record SignedInUser(String userId, UUID practiceId, String practiceName, List<String> roles,
		List<String> permissions) implements AuthenticatedPrincipal, Serializable {

	public SignedInUser {
		roles = List.copyOf(roles);
		permissions = List.copyOf(permissions);
	}

	/**
	 * The user as {@code GET /api/auth/me} describes them.
	 */
	public static SignedInUser of(Me me) {
		return new SignedInUser(me.userId(), me.practice().id(), me.practice().name(), me.roles(), me.permissions());
	}

	/**
	 * The User ID, which also names the session in the store, so that a user's sessions
	 * can be found.
	 */
	@Override
	public String getName() {
		return this.userId;
	}

	/**
	 * Their roles as {@code ROLE_…} and their permissions as {@code PERMISSION_…}, the
	 * authorities the API's own checks use.
	 */
	public List<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		this.roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		this.permissions
			.forEach((permission) -> authorities.add(new SimpleGrantedAuthority("PERMISSION_" + permission)));
		return authorities;
	}

}
