package io.carefin.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the public API, as one client at one address: every request goes through
 * the gateway, naming its address in {@code X-Forwarded-For} as a proxy in front of the
 * gateway would.
 */
final class Api {

	static final String GATEWAY = "http://localhost:8080";

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String clientAddress;

	Api(String clientAddress) {
		this.clientAddress = clientAddress;
	}

	Reply get(String path, String token, String... headers) {
		return send(request(GATEWAY + path, token, headers).GET());
	}

	Reply post(String path, String token, Object body, String... headers) {
		Secrets.rememberFieldsOf(body);
		return send(request(GATEWAY + path, token, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	Reply delete(String path, String token, String... headers) {
		return send(request(GATEWAY + path, token, headers).DELETE());
	}

	static Reply form(String url, Map<String, String> fields) {
		Secrets.rememberFieldsOf(fields);
		String body = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static Reply getAbsolute(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	static Reply getAbsolute(String url, String token) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
	}

	private HttpRequest.Builder request(String url, String token, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("X-Forwarded-For", this.clientAddress);
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private static Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Reply reply = new Reply(response.statusCode(), response.body(), response);
			if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
				Secrets.rememberFieldsOf(reply.body());
			}
			return reply;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer: its status and body.
	 */
	record Reply(int status, String text, HttpResponse<String> response) {

		JsonNode body() {
			return json.readTree(this.text.isEmpty() ? "{}" : this.text);
		}

		String field(String name) {
			return body().path(name).asString();
		}

	}

}
