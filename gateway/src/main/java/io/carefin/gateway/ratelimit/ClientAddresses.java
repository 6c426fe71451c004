package io.carefin.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Tells a request's client address: the peer's address, unless the peer is a trusted
 * proxy, in which case the nearest untrusted address the proxies name in
 * {@code X-Forwarded-For}; a client that writes the header itself cannot change what it
 * is counted as.
 */
class ClientAddresses {

	private final List<Range> trustedProxies;

	ClientAddresses(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(Range::parse).toList();
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		if (!isTrusted(peer)) {
			return peer;
		}
		List<String> forwarded = new ArrayList<>();
		for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
			for (String hop : header.split(",")) {
				forwarded.add(hop.trim());
			}
		}
		String client = peer;
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			String hop = forwarded.get(i);
			if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
				return client;
			}
			client = hop;
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return client;
	}

	private boolean isTrusted(String address) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
		return bytes != null && this.trustedProxies.stream().anyMatch((range) -> range.contains(bytes));
	}

	/**
	 * An address or a CIDR range of addresses.
	 */
	private record Range(byte[] network, int prefixLength) {

		static Range parse(String cidr) {
			String[] parts = cidr.trim().split("/", 2);
			byte @Nullable [] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
			}
			int prefixLength = (parts.length == 2) ? Integer.parseInt(parts[1]) : network.length * 8;
			return new Range(network, prefixLength);
		}

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int fullBytes = this.prefixLength / 8;
			for (int i = 0; i < fullBytes; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int remainingBits = this.prefixLength % 8;
			if (remainingBits == 0) {
				return true;
			}
			int mask = (0xFF << (8 - remainingBits)) & 0xFF;
			return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
		}

	}

}
