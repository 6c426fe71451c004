package io.carefin.portal.staff;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in staff member, as the console's pages and its audit name them.
 *
 * @param subject their Keycloak subject
 * @param username their Keycloak username, such as {@code support.agent}
 * @param name their name, for the header
 * @param roles their staff roles
 */
public record StaffUser(String subject, String username, String name, List<StaffRole> roles) {

	public StaffUser {
		roles = List.copyOf(roles);
	}

	/**
	 * The staff member a Keycloak sign-in made, or {@code null} for anyone else.
	 */
	public static @Nullable StaffUser of(@Nullable Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
			return null;
		}
		List<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.toList();
		List<StaffRole> roles = Arrays.stream(StaffRole.values())
			.filter((role) -> authorities.contains(role.authority()))
			.toList();
		String username = (user.getPreferredUsername() != null) ? user.getPreferredUsername() : user.getSubject();
		String name = (user.getFullName() != null) ? user.getFullName() : username;
		return new StaffUser(user.getSubject(), username, name, roles);
	}

	/**
	 * The signed-in staff member; anyone else is refused.
	 */
	public static StaffUser required(@Nullable Authentication authentication) {
		StaffUser user = of(authentication);
		if (user == null) {
			throw new AccessDeniedException("Not a staff sign-in");
		}
		return user;
	}

	public boolean has(StaffRole role) {
		return this.roles.contains(role);
	}

	/**
	 * The roles in words, for the audit: {@code SUPPORT}, or several joined by commas.
	 */
	public String roleNames() {
		return String.join(",", this.roles.stream().map(StaffRole::name).toList());
	}

}
