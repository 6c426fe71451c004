package io.carefin.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request whose declared body is larger than allowed before anything else reads
 * it, with a 413 problem.
 */
@Component
class BodySizeFilter implements WebFilter, Ordered {

	private final long maxBytes;

	BodySizeFilter(EdgeProperties edge) {
		this.maxBytes = edge.maxBodySize().toBytes();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return EdgeProblems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than " + this.maxBytes + " bytes.");
		}
		return chain.filter(exchange);
	}

}
