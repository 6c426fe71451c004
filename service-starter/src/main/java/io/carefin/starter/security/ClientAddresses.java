package io.carefin.starter.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client behind a request: the one the gateway names in
 * {@code X-Client-Address} when the request comes from the gateway (its peer is one of
 * the configured gateway addresses), otherwise the peer's own address, so that a caller
 * that reaches a service directly cannot choose the address its audit entries and budgets
 * count against.
 */
public final class ClientAddresses {

	/**
	 * The header in which the gateway names the client's address.
	 */
	public static final String HEADER = "X-Client-Address";

	private final List<IpAddressMatcher> gateways;

	public ClientAddresses(ClientAddressProperties properties) {
		this.gateways = properties.gateways().stream().map(IpAddressMatcher::new).toList();
	}

	/**
	 * The client's address for a request.
	 */
	public String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		String named = request.getHeader(HEADER);
		if (named == null || named.isBlank() || !fromGateway(peer)) {
			return peer;
		}
		return named.strip();
	}

	private boolean fromGateway(String peer) {
		try {
			return this.gateways.stream().anyMatch((gateway) -> gateway.matches(peer));
		}
		catch (IllegalArgumentException ex) {
			// not an address (a Unix socket's peer, say)
			return false;
		}
	}

}
