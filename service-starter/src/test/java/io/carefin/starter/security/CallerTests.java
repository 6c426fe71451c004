package io.carefin.starter.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	private static final UUID PRACTICE = UUID.fromString("5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f");

	@Test
	void aPracticeUserActsForThePracticeInTheirToken() {
		Caller caller = Caller.of(new JwtAuthenticationToken(jwt(),
				AuthorityUtils.createAuthorityList("ROLE_PRACTICE_USER", "PERMISSION_PROCESS_PURCHASES")));
		assertThat(caller.practiceId()).isEqualTo(PRACTICE);
		assertThat(caller.practiceName()).isEqualTo("Bright Smiles Dental");
		assertThat(caller.isPracticeUser()).isTrue();
		assertThat(caller.hasPermission("PROCESS_PURCHASES")).isTrue();
		assertThat(caller.hasPermission("PROCESS_REFUNDS")).isFalse();
	}

	@Test
	void aTokenWithoutAPracticeRoleActsForNoPracticeWhateverItClaims() {
		Caller caller = Caller
			.of(new JwtAuthenticationToken(jwt(), AuthorityUtils.createAuthorityList("ROLE_SUPPORT")));
		assertThat(caller.practiceId()).isNull();
		assertThat(caller.practiceName()).isNull();
		assertThat(caller.isPracticeUser()).isFalse();
		assertThat(caller.hasRole("SUPPORT")).isTrue();
	}

	private static Jwt jwt() {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("user-1")
			.claim("practice_id", PRACTICE.toString())
			.claim("practice_name", "Bright Smiles Dental")
			.claim("roles", List.of("PRACTICE_USER"))
			.issuedAt(Instant.parse("2026-11-24T10:00:00Z"))
			.build();
	}

}
