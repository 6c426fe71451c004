package io.carefin.gateway.edge;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.carefin.starter.web.ProblemTypes;

/**
 * Refuses a request body larger than allowed before anything reads it (413), and a body
 * that does not declare its length (411), since only a declared length can be checked
 * before the body is relayed.
 */
@Component
class BodySizeFilter implements WebFilter, Ordered {

	private static final URI LENGTH_REQUIRED = ProblemTypes.of("length-required");

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
		HttpHeaders headers = exchange.getRequest().getHeaders();
		long declared = headers.getContentLength();
		if (declared > this.maxBytes) {
			return EdgeProblems.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than " + this.maxBytes + " bytes.");
		}
		if (declared < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return EdgeProblems.write(exchange.getResponse(), HttpStatus.LENGTH_REQUIRED, LENGTH_REQUIRED,
					"A request body must declare its length in Content-Length.");
		}
		return chain.filter(exchange);
	}

}
