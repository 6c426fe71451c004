package io.carefin.gateway.edge;

import org.junit.jupiter.api.Test;
import reactor.netty.channel.AbortedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the gateway answers errors it meets itself.
 */
class EdgeErrorHandlerTests {

	private final EdgeErrorHandler handler = new EdgeErrorHandler();

	@Test
	void answersARefusalWithTheProblemOfItsStatus() {
		MockServerWebExchange exchange = exchange();

		this.handler.handle(exchange, new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"https://carefin.io/problems/method-not-allowed\"");
	}

	@Test
	void answersAFailureWithoutItsMessage() {
		MockServerWebExchange exchange = exchange();

		this.handler.handle(exchange, new IllegalStateException("SELECT secret FROM vault")).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"https://carefin.io/problems/internal-error\"")
			.doesNotContain("SELECT")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void answersNothingToAClientThatHungUp() {
		MockServerWebExchange exchange = exchange();

		this.handler.handle(exchange, new AbortedException("Connection has been closed")).block();

		assertThat(exchange.getResponse().getStatusCode()).isNull();
		assertThat(exchange.getResponse().isCommitted()).isFalse();
	}

	private static MockServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/api/accounts/42"));
	}

}
