package io.carefin.starter.security;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.annotation.web.builders.WebSecurity;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Every service's security gets a strict firewall that refuses control characters in
 * headers and parameter names, checked by {@link HeaderCharacters}.
 */
class StrictFirewallTests {

	private final HttpFirewall firewall = firewall();

	@Test
	void refusesAHeaderValueWithAControlCharacter() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/accounts");
		request.addHeader("X-Request-Id", "abc\u0007def");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.firewall.getFirewalledRequest(request).getHeader("X-Request-Id"));
	}

	@Test
	void refusesAParameterNameWithAControlCharacter() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/accounts");
		request.addParameter("last\u0000Name", "Lopez");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> this.firewall.getFirewalledRequest(request).getParameterMap());
	}

	@Test
	void passesOrdinaryHeadersAndTabsInValues() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/accounts");
		request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
		request.addHeader("X-Note", "a\tb");
		var firewalled = this.firewall.getFirewalledRequest(request);
		assertThat(firewalled.getHeader("Authorization")).startsWith("Bearer ");
		assertThat(firewalled.getHeader("X-Note")).isEqualTo("a\tb");
	}

	private static HttpFirewall firewall() {
		WebSecurity web = mock(WebSecurity.class);
		new ServiceSecurityAutoConfiguration().strictFirewall().customize(web);
		ArgumentCaptor<HttpFirewall> firewall = ArgumentCaptor.forClass(HttpFirewall.class);
		verify(web).httpFirewall(firewall.capture());
		return firewall.getValue();
	}

}
