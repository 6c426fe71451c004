package io.carefin.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which address a request is counted as, with and without trusted proxies in front.
 */
class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.5"));

	private final ClientAddresses forwarded = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.5"),
			ClientAddresses.ForwardedHeader.FORWARDED);

	@Test
	void ignoresForwardedForFromAPeerThatIsNoTrustedProxy() {
		assertThat(this.addresses.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void takesTheClientATrustedProxyNames() {
		assertThat(this.addresses.of(from("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
	}

	@Test
	void takesTheNearestUntrustedHopSoAClientCannotPrependAnAddress() {
		assertThat(this.addresses.of(from("192.168.1.5", "6.6.6.6, 198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
	}

	@Test
	void staysWithTheLastTrustedHopWhenTheHeaderHoldsSomethingElse() {
		assertThat(this.addresses.of(from("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
	}

	@Test
	void treatsATrustedProxyWithoutTheHeaderAsTheClient() {
		assertThat(this.addresses.of(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
	}

	@Test
	void matchesOnlyTheAddressesInsideARange() {
		ClientAddresses narrow = new ClientAddresses(List.of("172.16.0.0/12"));

		assertThat(narrow.of(from("172.31.255.255", "198.51.100.1"))).isEqualTo("198.51.100.1");
		assertThat(narrow.of(from("172.32.0.1", "198.51.100.1"))).isEqualTo("172.32.0.1");
	}

	@Test
	void refusesATrustedProxyThatIsNoAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.example.com")));
	}

	@Test
	void ignoresForwardedFromAPeerThatIsNoTrustedProxy() {
		assertThat(this.forwarded.of(withForwarded("203.0.113.9", "for=198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void takesTheNearestUntrustedForNodeOfForwardedSoAClientCannotPrependAnAddress() {
		assertThat(this.forwarded.of(withForwarded("192.168.1.5",
				"for=6.6.6.6, for=198.51.100.1;proto=https;by=10.0.0.1, For=\"10.9.9.9:8080\"")))
			.isEqualTo("198.51.100.1");
	}

	@Test
	void readsEveryForwardedHeaderLineInOrder() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/auth/login")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 40000))
			.header("Forwarded", "for=6.6.6.6", "for=198.51.100.1")
			.header("Forwarded", "for=10.2.2.2")
			.build();

		assertThat(this.forwarded.of(request)).isEqualTo("198.51.100.1");
	}

	@Test
	void readsAQuotedIpv6ForNodeWithItsPort() {
		assertThat(this.forwarded.of(withForwarded("10.1.2.3", "for=\"[2001:db8:cafe::17]:4711\"")))
			.isEqualTo("2001:db8:cafe::17");
	}

	@Test
	void staysWithTheLastTrustedHopWhenAForwardedNodeIsHiddenOrUnknown() {
		assertThat(this.forwarded.of(withForwarded("10.1.2.3", "for=198.51.100.1, for=_hidden"))).isEqualTo("10.1.2.3");
		assertThat(this.forwarded.of(withForwarded("10.1.2.3", "for=198.51.100.1, for=unknown"))).isEqualTo("10.1.2.3");
		assertThat(this.forwarded.of(withForwarded("10.1.2.3", "for=198.51.100.1, by=10.0.0.1"))).isEqualTo("10.1.2.3");
	}

	@Test
	void readsOnlyTheHeaderTheProxiesAreConfiguredToSet() {
		MockServerHttpRequest both = MockServerHttpRequest.get("/api/auth/login")
			.remoteAddress(new InetSocketAddress("10.1.2.3", 40000))
			.header("X-Forwarded-For", "198.51.100.1")
			.header("Forwarded", "for=198.51.100.2")
			.build();

		assertThat(this.addresses.of(both)).isEqualTo("198.51.100.1");
		assertThat(this.forwarded.of(both)).isEqualTo("198.51.100.2");
	}

	private static MockServerHttpRequest withForwarded(String peer, String forwarded) {
		return MockServerHttpRequest.get("/api/auth/login")
			.remoteAddress(new InetSocketAddress(peer, 40000))
			.header("Forwarded", forwarded)
			.build();
	}

	private static MockServerHttpRequest from(String peer, String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return request.build();
	}

}
