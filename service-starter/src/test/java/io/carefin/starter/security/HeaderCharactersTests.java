package io.carefin.starter.security;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header character checks allow and refuse exactly what Spring Security's strict
 * firewalls do, the reactive one (the gateway's) and the servlet one (the services').
 */
class HeaderCharactersTests {

	@Test
	void allowsExactlyTheHeaderNamesTheFirewallAllows() {
		agreesOnEveryCharacter(HeaderCharacters::allowedInName, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
	}

	@Test
	void allowsExactlyTheHeaderValuesTheFirewallAllows() {
		agreesOnEveryCharacter(HeaderCharacters::allowedInValue, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
	}

	@Test
	void allowsExactlyTheParameterNamesTheFirewallAllows() {
		agreesOnEveryCharacter(HeaderCharacters::allowedInName,
				StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES);
	}

	@Test
	void allowsExactlyTheHeaderNamesAndValuesTheServletFirewallAllows() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		agreesOnEveryCharacter(HeaderCharacters::allowedInName,
				(name) -> allowedByServletFirewall(firewall, name, "v"));
		agreesOnEveryCharacter(HeaderCharacters::allowedInValue,
				(value) -> allowedByServletFirewall(firewall, "X-Value", value));
	}

	@Test
	void refusesControlCharactersAndAllowsTheTabOnlyInValues() {
		assertThat(HeaderCharacters.allowedInValue("Bearer abc\r\nX-Injected: 1")).isFalse();
		assertThat(HeaderCharacters.allowedInName("X-Request-Id\u0000")).isFalse();
		assertThat(HeaderCharacters.allowedInValue("a\tb")).isTrue();
		assertThat(HeaderCharacters.allowedInName("a\tb")).isFalse();
		assertThat(HeaderCharacters.allowedInValue("")).isTrue();
	}

	private static boolean allowedByServletFirewall(StrictHttpFirewall firewall, String name, String value) {
		if (name == null || value == null || name.isEmpty()) {
			// no request carries these, so the firewall never sees them
			return true;
		}
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader(name, value);
		try {
			firewall.getFirewalledRequest(request).getHeader(name);
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

	private static void agreesOnEveryCharacter(Predicate<String> ours, Predicate<String> firewall) {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + Character.toString(codePoint) + "b";
			assertThat(ours.test(text)).as("U+%04X", codePoint).isEqualTo(firewall.test(text));
		}
		for (String text : new String[] { "", "application/json", "\uD800", "x\uDC00y", "\uD83D\uDE00", "\uD83Dz" }) {
			assertThat(ours.test(text)).as(text).isEqualTo(firewall.test(text));
		}
		assertThat(ours.test(null)).isEqualTo(firewall.test(null));
	}

}
