package io.carefin.gateway.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
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
 * Which tokens the gateway takes from its memory of verified tokens and which it checks
 * in full again.
 */
class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

	private final MovableClock clock = new MovableClock(NOW);

	private final AtomicInteger fullChecks = new AtomicInteger();

	@Test
	void checksARepeatedTokenInFullOnlyOnce() {
		VerifiedTokens tokens = tokens(accepting(NOW.plusSeconds(300)), 100);

		Authentication first = authenticate(tokens, "token-a");
		Authentication second = authenticate(tokens, "token-a");

		assertThat(this.fullChecks).hasValue(1);
		assertThat(second).isInstanceOf(JwtAuthenticationToken.class);
		assertThat(second.getName()).isEqualTo(first.getName()).isEqualTo("user-1");
		assertThat(second.getAuthorities()).map(Object::toString)
			.containsExactlyElementsOf(first.getAuthorities().stream().map(Object::toString).toList());
		assertThat(second.isAuthenticated()).isTrue();
	}

	@Test
	void checksEachDistinctTokenInFull() {
		VerifiedTokens tokens = tokens(accepting(NOW.plusSeconds(300)), 100);

		authenticate(tokens, "token-a");
		authenticate(tokens, "token-b");

		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void checksARememberedTokenInFullAgainOnceItHasExpired() {
		VerifiedTokens tokens = tokens(accepting(NOW.plusSeconds(60)), 100);
		authenticate(tokens, "token-a");

		this.clock.advance(Duration.ofSeconds(60 + 31));
		authenticate(tokens, "token-a");

		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void keepsAcceptingARememberedTokenWithinTheClockSkew() {
		VerifiedTokens tokens = tokens(accepting(NOW.plusSeconds(60)), 100);
		authenticate(tokens, "token-a");

		this.clock.advance(Duration.ofSeconds(60 + 29));
		authenticate(tokens, "token-a");

		assertThat(this.fullChecks).hasValue(1);
	}

	@Test
	void neverRemembersARefusedToken() {
		ReactiveAuthenticationManager refusing = (authentication) -> {
			this.fullChecks.incrementAndGet();
			return Mono.error(new BadCredentialsException("refused"));
		};
		VerifiedTokens tokens = tokens(refusing, 100);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> authenticate(tokens, "forged"));
		}

		assertThat(this.fullChecks).hasValue(2);
	}

	@Test
	void checksEveryTokenInFullWhenTheMemoryIsSwitchedOff() {
		VerifiedTokens tokens = tokens(accepting(NOW.plusSeconds(300)), 0);

		authenticate(tokens, "token-a");
		authenticate(tokens, "token-a");

		assertThat(this.fullChecks).hasValue(2);
	}

	private VerifiedTokens tokens(ReactiveAuthenticationManager verifier, long maximumSize) {
		return new VerifiedTokens((exchange) -> Mono.just(verifier),
				new TokenCacheProperties(maximumSize, Duration.ofMinutes(5)), Duration.ofSeconds(30), this.clock);
	}

	private ReactiveAuthenticationManager accepting(Instant expiry) {
		return (authentication) -> {
			this.fullChecks.incrementAndGet();
			String token = ((BearerTokenAuthenticationToken) authentication).getToken();
			Jwt jwt = Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("user-1")
				.issuedAt(NOW)
				.expiresAt(expiry)
				.build();
			return Mono
				.just(new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_PRACTICE_USER"))));
		};
	}

	private static Authentication authenticate(VerifiedTokens tokens, String token) {
		return resolve(tokens).flatMap((manager) -> manager.authenticate(bearer(token))).block();
	}

	private static Mono<ReactiveAuthenticationManager> resolve(VerifiedTokens tokens) {
		return tokens.resolve(MockServerWebExchange.from(MockServerHttpRequest.get("/api/accounts/42")));
	}

	private static BearerTokenAuthenticationToken bearer(String token) {
		return new BearerTokenAuthenticationToken(token);
	}

}
