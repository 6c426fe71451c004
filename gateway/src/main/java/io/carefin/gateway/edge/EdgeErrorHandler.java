package io.carefin.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers every error the gateway meets itself (no route, wrong method, a failure of its
 * own) with a problem, never with a stack trace or an HTML page, and does not report a
 * client that hung up as a failure.
 */
@Component
@Order(-2)
class EdgeErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(EdgeErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			logger.debug("Client went away during {} {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value());
			return Mono.empty();
		}
		HttpStatusCode status = (ex instanceof ResponseStatusException refused) ? refused.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			logger.error("Failed to handle {} {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value(), ex);
		}
		return EdgeProblems.write(exchange.getResponse(), status, detail(status));
	}

	private static String detail(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> "Nothing is served at this path.";
			case 405 -> "This path does not take this HTTP method.";
			case 413 -> "The request body is larger than allowed.";
			case 503 -> "The service is unavailable; try again shortly.";
			default ->
				status.is5xxServerError() ? "Something failed on CareFin's side." : "The request could not be handled.";
		};
	}

}
