package io.carefin.starter.security;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from a verified token: a practice user (with the practice they act for)
 * or a staff member. Take it as a controller parameter with
 * {@code @AuthenticationPrincipal Jwt} and {@link #of(JwtAuthenticationToken)}, or from
 * the authentication directly.
 *
 * @param subject the token's {@code sub}
 * @param username the human-readable user name ({@code preferred_username}), when given
 * @param practiceId the practice a practice user acts for; {@code null} for staff
 * @param practiceName that practice's name; {@code null} for staff
 * @param authorities the granted authorities ({@code ROLE_…}, {@code PERMISSION_…})
 */
public record Caller(String subject, @Nullable String username, @Nullable UUID practiceId,
		@Nullable String practiceName, Set<String> authorities) {

	/**
	 * The caller of a request authenticated by one of the trusted issuers. A practice is
	 * read only from a token that carries a practice role, which only auth-service's
	 * tokens can grant, so no staff token can claim to act for a practice.
	 */
	public static Caller of(JwtAuthenticationToken authentication) {
		Jwt jwt = authentication.getToken();
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
		boolean practiceUser = authorities.contains("ROLE_PRACTICE_ADMIN")
				|| authorities.contains("ROLE_PRACTICE_USER");
		String practice = practiceUser ? jwt.getClaimAsString("practice_id") : null;
		return new Caller(jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
				(practice != null) ? UUID.fromString(practice) : null,
				practiceUser ? jwt.getClaimAsString("practice_name") : null, authorities);
	}

	/**
	 * Whether the caller acts for a practice.
	 */
	public boolean isPracticeUser() {
		return this.practiceId != null;
	}

	/**
	 * Whether the caller holds a role, such as {@code SUPPORT} or {@code PRACTICE_ADMIN}.
	 */
	public boolean hasRole(String role) {
		return this.authorities.contains("ROLE_" + role);
	}

	/**
	 * Whether a practice user may use a function, such as {@code PROCESS_PURCHASES}.
	 */
	public boolean hasPermission(String permission) {
		return this.authorities.contains("PERMISSION_" + permission);
	}

}
