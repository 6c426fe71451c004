package io.carefin.starter.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which tokens a service or the gateway takes from its memory of verified tokens and
 * which it checks in full again.
 */
class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

	private final MovableClock clock = new MovableClock(NOW);

	private final AtomicInteger fullChecks = new AtomicInteger();

	@Test
	void checksARepeatedTokenInFullOnlyOnce() {
		AuthenticationManager tokens = servlet(accepting(NOW.plusSeconds(300)), 100);

		Authentication first = tokens.authenticate(bearer("token-a"));
		Authentication second = tokens.authenticate(bearer("token-a"));

		assertThat(this.fullChecks).hasValue(1);
		assertThat(second).isInstanceOf(JwtAuthenticationToken.class).isNotSameAs(first);
		assertThat(second.getName()).isEqualTo(first.getName()).isEqualTo("user-1");
		assertThat(second.getAuthorities()).map(Object::toString)
			.containsExactlyElementsOf(first.getAuthorities().stream().map(Object::toString).toList());
		assertThat(second.isAuthenticated()).isTrue();
	}

	@Test
	void givesARememberedTokenTheDetailsOfItsOwnRequest() {
		AuthenticationManager tokens = servlet(accepting(NOW.plusSeconds(300)), 100);
		tokens.authenticate(bearer("token-a"));

		BearerTokenAuthenticationToken again = bearer("token-a");
		again.setDetails("request-2");

		assertThat(tokens.authenticate(again).getDetails()).isEqualTo("request-2");
	}

	@Test
	void checksEachDistinctTokenInFull() {
		AuthenticationManager tokens = servlet(accepting(NOW.plusSeconds(300)), 100);

		tokens.authenticate(bearer("token-a"));
		tokens.authenticate(bearer("token-b"));

		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void checksARememberedTokenInFullAgainOnceItHasExpired() {
		AuthenticationManager tokens = servlet(accepting(NOW.plusSeconds(60)), 100);
		tokens.authenticate(bearer("token-a"));

		this.clock.advance(Duration.ofSeconds(60 + 31));
		tokens.authenticate(bearer("token-a"));

		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void keepsAcceptingARememberedTokenWithinTheClockSkew() {
		AuthenticationManager tokens = servlet(accepting(NOW.plusSeconds(60)), 100);
		tokens.authenticate(bearer("token-a"));

		this.clock.advance(Duration.ofSeconds(60 + 29));
		tokens.authenticate(bearer("token-a"));

		assertThat(this.fullChecks).hasValue(1);
	}

	@Test
	void neverRemembersARefusedToken() {
		AuthenticationManager tokens = servlet((authentication) -> {
			this.fullChecks.incrementAndGet();
			throw new BadCredentialsException("refused");
		}, 100);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> tokens.authenticate(bearer("forged")));
		}

		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void checksEveryTokenInFullWhenTheMemoryIsSwitchedOff() {
		AuthenticationManager tokens = servlet(accepting(NOW.plusSeconds(300)), 0);

		tokens.authenticate(bearer("token-a"));
		tokens.authenticate(bearer("token-a"));

		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void theGatewayChecksARepeatedTokenInFullOnlyOnceAndNeverRemembersARefusal() {
		ReactiveAuthenticationManager verifier = (authentication) -> {
			if (((BearerTokenAuthenticationToken) authentication).getToken().equals("forged")) {
				this.fullChecks.incrementAndGet();
				return Mono.error(new BadCredentialsException("refused"));
			}
			return Mono.just(accepting(NOW.plusSeconds(300)).authenticate(authentication));
		};
		ReactiveAuthenticationManager tokens = ReactiveTrustedIssuers
			.remembering((exchange) -> Mono.just(verifier), verifiedTokens(100))
			.resolve(MockServerWebExchange.from(MockServerHttpRequest.get("/api/accounts/42")))
			.block();

		Authentication first = tokens.authenticate(bearer("token-a")).block();
		Authentication second = tokens.authenticate(bearer("token-a")).block();
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadCredentialsException.class)
				.isThrownBy(() -> tokens.authenticate(bearer("forged")).block());
		}

		assertThat(second).isInstanceOf(JwtAuthenticationToken.class).isNotSameAs(first);
		assertThat(second.getName()).isEqualTo("user-1");
		assertThat(this.fullChecks).hasValue(1 + 2);
	}

	private AuthenticationManager servlet(AuthenticationManager verifier, long maximumSize) {
		return TrustedIssuers.remembering((request) -> verifier, verifiedTokens(maximumSize))
			.resolve(new MockHttpServletRequest("GET", "/api/accounts/42"));
	}

	private VerifiedTokens verifiedTokens(long maximumSize) {
		TrustProperties trust = new TrustProperties(
				List.of(new TrustProperties.Issuer(IssuerKind.PROVIDER, "http://auth.test",
						URI.create("http://auth.test/.well-known/jwks.json"))),
				"carefin-api", Duration.ofSeconds(30), List.of(),
				new TrustProperties.TokenCache(maximumSize, Duration.ofMinutes(5)));
		return new VerifiedTokens(trust, this.clock);
	}

	private AuthenticationManager accepting(Instant expiry) {
		return (authentication) -> {
			this.fullChecks.incrementAndGet();
			String token = ((BearerTokenAuthenticationToken) authentication).getToken();
			Jwt jwt = new Jwt(token, NOW, expiry, Map.of("alg", "RS256"), Map.of("sub", "user-1"));
			return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_PRACTICE_USER")));
		};
	}

	private static BearerTokenAuthenticationToken bearer(String token) {
		return new BearerTokenAuthenticationToken(token);
	}

}
