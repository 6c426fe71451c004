package io.carefin.starter.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer token is read from the {@code Authorization} header exactly as Spring
 * Security's default resolvers read it: the same token, the same headers passed over, the
 * same headers refused as malformed.
 */
class BearerTokensTests {

	static final List<String> HEADERS = Arrays.asList(null, "", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc",
			"bearer abc", "BEARER abc", "bEaReR abc", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "Bearer abc=",
			"Bearer abc==", "Bearer abc=d", "Bearer =", "Bearer a b", "Bearer abc ", " Bearer abc", "Bearerabc",
			"Bearer\tabc", "Bearer-abc", "Basic dXNlcjpwYXNz", "Bear abc", "Bearer a-._~+/Z09==", "Bearer abc\u0000",
			"Bearer ab\u00e9c", "Bearer abc\r\n");

	private static final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@ParameterizedTest
	@FieldSource("HEADERS")
	void readsEachHeaderAsSpringSecurityDoes(String authorization) {
		assertThat(outcome(BearerTokens::fromAuthorization, authorization))
			.isEqualTo(outcome(BearerTokensTests::springResolves, authorization));
	}

	@Test
	void readsEveryCharacterAtEveryPlaceAsSpringSecurityDoes() {
		String template = "Bearer a=";
		List<String> differences = new ArrayList<>();
		for (int index = 0; index < template.length(); index++) {
			for (int character = Character.MIN_VALUE; character <= Character.MAX_VALUE; character++) {
				String authorization = template.substring(0, index) + (char) character + template.substring(index + 1);
				String ours = outcome(BearerTokens::fromAuthorization, authorization);
				String theirs = outcome(BearerTokensTests::springResolves, authorization);
				if (!ours.equals(theirs)) {
					differences.add("U+%04X at %d: %s, Spring %s".formatted(character, index, ours, theirs));
				}
			}
		}
		assertThat(differences).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("HEADERS")
	void theGatewayReadsEachHeaderAsSpringSecurityDoes(String authorization) {
		assertThat(converted(ReactiveTrustedIssuers.bearerTokens(), authorization))
			.isEqualTo(converted(new ServerBearerTokenAuthenticationConverter(), authorization));
	}

	private static String springResolves(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/accounts");
		if (authorization != null) {
			request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		}
		return spring.resolve(request);
	}

	private static String outcome(Function<String, String> resolver, String authorization) {
		try {
			return "token " + resolver.apply(authorization);
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

	private static String converted(ServerAuthenticationConverter converter, String authorization) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/accounts");
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		try {
			Authentication authentication = converter.convert(MockServerWebExchange.from(request)).block();
			return (authentication != null) ? "token " + ((BearerTokenAuthenticationToken) authentication).getToken()
					: "none";
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

}
