package io.carefin.gateway.edge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

import io.carefin.starter.web.ProblemTypes;

/**
 * Writes the problem details the gateway answers itself, in the same shape as the
 * services' problems.
 */
public final class EdgeProblems {

	private EdgeProblems() {
	}

	/**
	 * Answers with the generic problem type of the status.
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String detail) {
		return write(response, status, ProblemTypes.forStatus(status), detail);
	}

	/**
	 * Answers with a problem of the given type, unless the response is already on its
	 * way.
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, URI type, String detail) {
		return write(response, status, type, title(status), detail, Map.of());
	}

	/**
	 * Answers with a problem of the given type and title, and properties of its own after
	 * the standard ones, unless the response is already on its way.
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, URI type, String title,
			String detail, Map<String, Object> properties) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.toString());
		body.put("title", title);
		body.put("status", status.value());
		body.put("detail", detail);
		body.putAll(properties);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory()
			.wrap(JsonMapper.shared().writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

	private static String title(HttpStatusCode status) {
		return (status instanceof HttpStatus known) ? known.getReasonPhrase() : String.valueOf(status.value());
	}

}
