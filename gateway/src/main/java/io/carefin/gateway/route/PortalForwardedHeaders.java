package io.carefin.gateway.route;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import io.carefin.gateway.ratelimit.ClientAddresses;

/**
 * Tells the portal how the browser reached CareFin, so that it can build redirects and
 * links and know whether the browser is on HTTPS: {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port} as the gateway was asked, or as a
 * trusted proxy in front of it says it was asked, and {@code X-Forwarded-For} with the
 * client address the gateway established (also in {@code X-Client-Address}). It runs
 * after Spring Cloud Gateway has removed the {@code X-Forwarded-*} headers the request
 * came with, and only on the portal's route: the services get none.
 */
class PortalForwardedHeaders implements HttpHeadersFilter, Ordered {

	private static final String PROTO = "X-Forwarded-Proto";

	private static final String HOST = "X-Forwarded-Host";

	private static final String PORT = "X-Forwarded-Port";

	private static final String FOR = "X-Forwarded-For";

	private static final String CLIENT_ADDRESS = "X-Client-Address";

	private final String routeId;

	private final ClientAddresses clientAddresses;

	PortalForwardedHeaders(String routeId, ClientAddresses clientAddresses) {
		this.routeId = routeId;
		this.clientAddresses = clientAddresses;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null || !this.routeId.equals(route.getId())) {
			return input;
		}
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders received = request.getHeaders();
		boolean proxied = this.clientAddresses.fromTrustedProxy(request);
		URI uri = request.getURI();
		String proto = proxied ? first(received, PROTO) : null;
		proto = ("http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto)) ? proto.toLowerCase(Locale.ROOT)
				: uri.getScheme();
		String host = proxied ? first(received, HOST) : null;
		if (host == null) {
			host = (received.getFirst(HttpHeaders.HOST) != null) ? received.getFirst(HttpHeaders.HOST)
					: uri.getRawAuthority();
		}
		String port = proxied ? first(received, PORT) : null;
		if (port == null || !port.chars().allMatch(Character::isDigit)) {
			port = portOf(host, proto);
		}
		HttpHeaders forwarded = HttpHeaders.copyOf(input);
		forwarded.set(PROTO, proto);
		if (host != null) {
			forwarded.set(HOST, host);
		}
		forwarded.set(PORT, port);
		String client = input.getFirst(CLIENT_ADDRESS);
		if (client != null) {
			forwarded.set(FOR, client);
		}
		return forwarded;
	}

	private static @Nullable String first(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return null;
		}
		int comma = value.indexOf(',');
		String first = ((comma >= 0) ? value.substring(0, comma) : value).trim();
		return first.isEmpty() ? null : first;
	}

	// the port in a host such as localhost:8080 or [::1]:8443, else the scheme's
	private static String portOf(@Nullable String host, String proto) {
		if (host != null) {
			int colon = host.lastIndexOf(':');
			String port = (colon > host.lastIndexOf(']')) ? host.substring(colon + 1) : "";
			if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
				return port;
			}
		}
		return "https".equals(proto) ? "443" : "80";
	}

}
