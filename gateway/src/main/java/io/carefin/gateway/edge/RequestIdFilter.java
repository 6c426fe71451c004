package io.carefin.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id in {@code X-Request-Id} (the caller's if it is a
 * plain token, a new one otherwise), passes it to the service and back to the caller, and
 * writes one access log line per request that names the method, path, status, duration,
 * peer and id but never a header, query string or body, so no token reaches the logs.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	private static final Logger access = LoggerFactory.getLogger("io.carefin.gateway.access");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (given != null && PLAIN_ID.matcher(given).matches()) ? given : newId();
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		ServerWebExchange withId = exchange.mutate().request(request).build();
		withId.getResponse().beforeCommit(() -> {
			withId.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		long started = System.nanoTime();
		return chain.filter(withId).doFinally((signal) -> log(withId, id, started));
	}

	// a correlation id needs to be unique, not unguessable: a random (version 4) UUID
	// from
	// the thread's own generator, without the lock and system calls of SecureRandom
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	private static void log(ServerWebExchange exchange, String id, long started) {
		if (!access.isInfoEnabled()) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		long millis = (System.nanoTime() - started) / 1_000_000;
		String peer = (exchange.getRequest().getRemoteAddress() != null)
				? exchange.getRequest().getRemoteAddress().getAddress().getHostAddress() : "-";
		try (MDC.MDCCloseable ignored = MDC.putCloseable("request_id", id)) {
			access.info("{} {} {} {}ms peer={} request_id={}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value(), (status != null) ? status.value() : "-", millis, peer, id);
		}
	}

}
