package io.carefin.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the security headers on every response, whatever a service sent: HSTS,
 * {@code X-Content-Type-Options: nosniff}, and {@code Cache-Control: no-store} on API
 * responses, which carry account data and tokens; the portal sets its pages' own.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

	private final String strictTransportSecurity;

	SecurityHeadersFilter(EdgeProperties edge) {
		this.strictTransportSecurity = "max-age=" + edge.hstsMaxAge().toSeconds() + "; includeSubDomains";
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			headers.set("Strict-Transport-Security", this.strictTransportSecurity);
			headers.set("X-Content-Type-Options", "nosniff");
			if (api) {
				headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
				headers.remove(HttpHeaders.EXPIRES);
				headers.set(HttpHeaders.PRAGMA, "no-cache");
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
