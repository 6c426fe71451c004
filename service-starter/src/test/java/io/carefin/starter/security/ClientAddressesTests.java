package io.carefin.starter.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service believes the client address in {@code X-Client-Address} only from the
 * gateway's addresses; anyone else is known by their own address.
 */
class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(
			new ClientAddressProperties(List.of("10.1.0.0/16", "::1")));

	@Test
	void believesTheAddressTheGatewayNames() {
		assertThat(this.addresses.of(request("10.1.2.3", "203.0.113.7"))).isEqualTo("203.0.113.7");
		assertThat(this.addresses.of(request("0:0:0:0:0:0:0:1", "203.0.113.7"))).isEqualTo("203.0.113.7");
	}

	@Test
	void ignoresTheHeaderFromACallerThatIsNotTheGateway() {
		assertThat(this.addresses.of(request("10.2.0.9", "203.0.113.7"))).isEqualTo("10.2.0.9");
		assertThat(this.addresses.of(request("127.0.0.1", "203.0.113.7"))).isEqualTo("127.0.0.1");
	}

	@Test
	void usesThePeerWhenTheGatewayNamesNoOne() {
		assertThat(this.addresses.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(this.addresses.of(request("10.1.2.3", " "))).isEqualTo("10.1.2.3");
	}

	@Test
	void trustsOnlyLoopbackByDefault() {
		ClientAddresses defaults = new ClientAddresses(new ClientAddressProperties(List.of("127.0.0.0/8", "::1")));

		assertThat(defaults.of(request("127.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
		assertThat(defaults.of(request("192.0.2.10", "203.0.113.7"))).isEqualTo("192.0.2.10");
	}

	private static MockHttpServletRequest request(String peer, @Nullable String named) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (named != null) {
			request.addHeader(ClientAddresses.HEADER, named);
		}
		return request;
	}

}
