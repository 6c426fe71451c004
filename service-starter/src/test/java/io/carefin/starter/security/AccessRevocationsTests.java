package io.carefin.starter.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.carefin.contracts.auth.AccessRevoked;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which practice users' tokens a service refuses once auth-service revoked their access,
 * for how long it remembers, and that a token it remembered as verified is refused too.
 */
class AccessRevocationsTests {

	private static final Instant NOW = Instant.parse("2026-12-08T10:15:30.250Z");

	private static final Instant NOT_BEFORE = Instant.parse("2026-12-08T10:15:31Z");

	private static final String PROVIDER = "http://auth.test";

	private static final String STAFF = "http://keycloak.test/realms/carefin-staff";

	private final MovableClock clock = new MovableClock(NOW);

	private final TrustProperties trust = new TrustProperties(
			List.of(new TrustProperties.Issuer(IssuerKind.PROVIDER, PROVIDER, URI.create(PROVIDER + "/jwks")),
					new TrustProperties.Issuer(IssuerKind.STAFF, STAFF, URI.create(STAFF + "/certs"))),
			"carefin-api", Duration.ofSeconds(30), List.of(),
			new TrustProperties.TokenCache(100, Duration.ofMinutes(5)));

	private final AccessRevocations revocations = new AccessRevocations(this.trust, Duration.ofMinutes(15), this.clock);

	private final UUID user = UUID.randomUUID();

	private final UUID session = UUID.randomUUID();

	@Test
	void refusesEveryTokenOfAUserIssuedBeforeTheirNotBeforeAndNoLaterOne() {
		this.revocations.record(revoked(this.user, null));

		assertThat(this.revocations.revokes(token(PROVIDER, this.user, this.session, NOW.minusSeconds(300)))).isTrue();
		assertThat(this.revocations.revokes(token(PROVIDER, this.user, UUID.randomUUID(), NOW))).isTrue();
		assertThat(this.revocations.revokes(token(PROVIDER, this.user, UUID.randomUUID(), NOT_BEFORE))).isFalse();
		assertThat(this.revocations.validator().validate(token(PROVIDER, this.user, this.session, NOW)).hasErrors())
			.isTrue();
	}

	@Test
	void refusesASessionsTokensAndNotTheUsersOtherSessions() {
		this.revocations.record(revoked(this.user, this.session));

		assertThat(this.revocations.revokes(token(PROVIDER, this.user, this.session, NOW))).isTrue();
		assertThat(this.revocations.revokes(token(PROVIDER, this.user, UUID.randomUUID(), NOW))).isFalse();
	}

	@Test
	void neverRefusesOtherUsersOrStaffTokens() {
		this.revocations.record(revoked(this.user, null));

		assertThat(this.revocations.revokes(token(PROVIDER, UUID.randomUUID(), this.session, NOW))).isFalse();
		assertThat(this.revocations.revokes(token(STAFF, this.user, this.session, NOW))).isFalse();
		assertThat(this.revocations.validator().validate(token(STAFF, this.user, this.session, NOW)).hasErrors())
			.isFalse();
	}

	@Test
	void keepsALaterNotBeforeWhenAnEarlierOneArrivesAfterIt() {
		this.revocations.record(revoked(this.user, null));
		this.revocations.record(new AccessRevoked(UUID.randomUUID(), NOW.minusSeconds(60), this.user, null,
				NOT_BEFORE.minusSeconds(60), "SUSPENDED"));

		assertThat(this.revocations.revokes(token(PROVIDER, this.user, this.session, NOT_BEFORE.minusSeconds(1))))
			.isTrue();
	}

	@Test
	void forgetsANotBeforeOnceEveryTokenIssuedBeforeItHasExpired() {
		this.revocations.record(revoked(this.user, null));
		this.clock.advance(Duration.ofMinutes(16));
		this.revocations.record(revoked(UUID.randomUUID(), null));

		assertThat(this.revocations.revokes(token(PROVIDER, this.user, this.session, NOW))).isFalse();
	}

	@Test
	void refusesATokenItRememberedAsVerifiedOnceItsAccessIsRevoked() {
		VerifiedTokens verified = new VerifiedTokens(this.trust, this.revocations, this.clock);
		Jwt jwt = token(PROVIDER, this.user, this.session, NOW);
		BearerTokenAuthenticationToken request = new BearerTokenAuthenticationToken("token-a");
		verified.remember(request, new JwtAuthenticationToken(jwt, List.of(), this.user.toString()));
		assertThat(verified.recall(request)).isNotNull();

		this.revocations.record(revoked(this.user, this.session));

		assertThat(verified.recall(request)).isNull();
	}

	private AccessRevoked revoked(UUID user, @Nullable UUID session) {
		return new AccessRevoked(UUID.randomUUID(), NOW, user, session, NOT_BEFORE,
				(session != null) ? "SIGNED_OUT" : "SUSPENDED");
	}

	private static Jwt token(String issuer, UUID user, UUID session, Instant issuedAt) {
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.claim("iss", issuer)
			.subject(user.toString())
			.claim("sid", session.toString())
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(Duration.ofMinutes(10)))
			.build();
	}

}
