package io.carefin.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is, in {@code X-Client-Address}, replacing whatever
 * the request came with, so that a service can trust the header because only the gateway
 * sets it; the client's own {@code X-Forwarded-*} and {@code Forwarded} headers never
 * reach a service (Spring Cloud Gateway removes them while no trusted proxies are
 * configured for it; the portal gets the gateway's own, from
 * {@code route.PortalForwardedHeaders}).
 */
class ClientAddressFilter implements GlobalFilter, Ordered {

	static final String HEADER = "X-Client-Address";

	static final String ATTRIBUTE = ClientAddressFilter.class.getName() + ".clientAddress";

	private final ClientAddresses clientAddresses;

	ClientAddressFilter(ClientAddresses clientAddresses) {
		this.clientAddresses = clientAddresses;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String client = this.clientAddresses.of(exchange.getRequest());
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, client))
			.build();
		ServerWebExchange relayed = exchange.mutate().request(request).build();
		relayed.getAttributes().put(ATTRIBUTE, client);
		return chain.filter(relayed);
	}

}
