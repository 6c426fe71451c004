package io.carefin.starter.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who a trusted issuer speaks for, and so which roles its tokens may grant: practice
 * users' tokens from auth-service can never carry a staff role, nor staff tokens a
 * practice role.
 */
public enum IssuerKind {

	/**
	 * auth-service: practice users, with {@code roles}, {@code permissions} and
	 * {@code practice_id} claims.
	 */
	PROVIDER(Set.of("PRACTICE_ADMIN", "PRACTICE_USER")) {
		@Override
		Stream<String> claimedRoles(Jwt jwt) {
			return strings(jwt.getClaim("roles"));
		}

		@Override
		Stream<GrantedAuthority> extraAuthorities(Jwt jwt) {
			return strings(jwt.getClaim("permissions"))
				.map((permission) -> new SimpleGrantedAuthority("PERMISSION_" + permission));
		}
	},

	/**
	 * The Keycloak realm {@code carefin-staff}: support agents, ops and auditors, with
	 * realm roles under {@code realm_access.roles}.
	 */
	STAFF(Set.of("SUPPORT", "OPS_ADMIN", "AUDITOR")) {
		@Override
		Stream<String> claimedRoles(Jwt jwt) {
			Object realmAccess = jwt.getClaim("realm_access");
			return (realmAccess instanceof Map<?, ?> map) ? strings(map.get("roles")) : Stream.empty();
		}
	};

	private final Set<String> grantableRoles;

	IssuerKind(Set<String> grantableRoles) {
		this.grantableRoles = grantableRoles;
	}

	abstract Stream<String> claimedRoles(Jwt jwt);

	Stream<GrantedAuthority> extraAuthorities(Jwt jwt) {
		return Stream.empty();
	}

	/**
	 * The authorities a token of this issuer grants: its roles this issuer may grant, as
	 * {@code ROLE_…}, and for practice users their per-function permissions as
	 * {@code PERMISSION_…}.
	 */
	Collection<GrantedAuthority> authorities(Jwt jwt) {
		Stream<GrantedAuthority> roles = claimedRoles(jwt).filter(this.grantableRoles::contains)
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role));
		return Stream.concat(roles, extraAuthorities(jwt)).toList();
	}

	private static Stream<String> strings(Object claim) {
		return (claim instanceof List<?> list) ? list.stream().filter(String.class::isInstance).map(String.class::cast)
				: Stream.empty();
	}

}
