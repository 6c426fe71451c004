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
 * {@code X-Forwarded-For} or, if they are configured to use it, in RFC 7239
 * {@code Forwarded}; a client that writes the header itself cannot change what it is
 * counted as.
 */
public class ClientAddresses {

	private final List<Range> trustedProxies;

	private final ForwardedHeader header;

	ClientAddresses(List<String> trustedProxies) {
		this(trustedProxies, ForwardedHeader.X_FORWARDED_FOR);
	}

	ClientAddresses(List<String> trustedProxies, ForwardedHeader header) {
		this.trustedProxies = trustedProxies.stream().map(Range::parse).toList();
		this.header = header;
	}

	String of(ServerHttpRequest request) {
		String peer = peer(request);
		if (!isTrusted(peer)) {
			return peer;
		}
		List<String> forwarded = switch (this.header) {
			case X_FORWARDED_FOR -> forwardedFor(request.getHeaders().getOrEmpty("X-Forwarded-For"));
			case FORWARDED -> forwarded(request.getHeaders().getOrEmpty("Forwarded"));
		};
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

	/**
	 * Whether the request comes from a trusted proxy, so that what it says about the
	 * client in its forwarded headers may be believed.
	 */
	public boolean fromTrustedProxy(ServerHttpRequest request) {
		return isTrusted(peer(request));
	}

	private static String peer(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	private static List<String> forwardedFor(List<String> headers) {
		List<String> hops = new ArrayList<>();
		for (String header : headers) {
			for (String hop : header.split(",")) {
				hops.add(hop.trim());
			}
		}
		return hops;
	}

	/**
	 * The {@code for} node of each RFC 7239 element, without quotes, brackets or port; an
	 * element without one, or with an obfuscated or {@code unknown} node, is kept as it
	 * is and so ends the search for an address there.
	 */
	private static List<String> forwarded(List<String> headers) {
		List<String> hops = new ArrayList<>();
		for (String header : headers) {
			for (String element : splitOutsideQuotes(header, ',')) {
				String node = "";
				for (String pair : splitOutsideQuotes(element, ';')) {
					int equals = pair.indexOf('=');
					if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")) {
						node = withoutPort(unquote(pair.substring(equals + 1).trim()));
					}
				}
				hops.add(node);
			}
		}
		return hops;
	}

	private static List<String> splitOutsideQuotes(String value, char separator) {
		List<String> parts = new ArrayList<>();
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '\\' && quoted) {
				i++;
			}
			else if (c == separator && !quoted) {
				parts.add(value.substring(start, i).trim());
				start = i + 1;
			}
		}
		parts.add(value.substring(start).trim());
		return parts;
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private static String withoutPort(String node) {
		if (node.startsWith("[")) {
			int end = node.indexOf(']');
			return (end > 0) ? node.substring(1, end) : node;
		}
		int colon = node.indexOf(':');
		return (colon >= 0 && colon == node.lastIndexOf(':')) ? node.substring(0, colon) : node;
	}

	private boolean isTrusted(String address) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
		return bytes != null && this.trustedProxies.stream().anyMatch((range) -> range.contains(bytes));
	}

	/**
	 * Which header the trusted proxies name the client in; only that one is read, since a
	 * proxy passes the other on as the client wrote it.
	 */
	enum ForwardedHeader {

		/** {@code X-Forwarded-For: client, proxy1}. */
		X_FORWARDED_FOR,

		/** RFC 7239 {@code Forwarded: for=client, for=proxy1}. */
		FORWARDED

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
