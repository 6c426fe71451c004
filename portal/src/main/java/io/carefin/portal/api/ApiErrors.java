package io.carefin.portal.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns the API's error answers (RFC 9457 problem details) into exceptions: 429 into
 * {@link TooManyRequestsException}, other 4xx into {@link ApiProblemException}, 5xx into
 * {@link ApiUnavailableException}.
 */
final class ApiErrors {

	private static final int MAX_PROBLEM_BYTES = 64 * 1024;

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

	private final Clock clock;

	ApiErrors(Clock clock) {
		this.clock = clock;
	}

	void raise(HttpRequest request, ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (!status.is4xxClientError()) {
			throw new ApiUnavailableException(
					request.getMethod() + " " + request.getURI().getPath() + " answered " + status.value());
		}
		JsonNode problem = read(response.getBody());
		String type = typeName(problem.path("type").asString("about:blank"));
		if (status.value() == 429) {
			throw new TooManyRequestsException(type, retryAfter(response.getHeaders()));
		}
		String detail = problem.path("detail").isString() ? problem.path("detail").asString() : null;
		throw new ApiProblemException(status.value(), type, detail, sentences(problem.path("errors")));
	}

	/**
	 * How long to wait, from {@code Retry-After} in seconds or as an HTTP date; a minute
	 * when the header is missing or unreadable.
	 */
	Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return DEFAULT_RETRY_AFTER;
		}
		try {
			return Duration.ofSeconds(Math.max(Long.parseLong(value.strip()), 1));
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(this.clock.instant(), at.toInstant());
				return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
			}
			catch (DateTimeParseException notDate) {
				return DEFAULT_RETRY_AFTER;
			}
		}
	}

	private static JsonNode read(@Nullable InputStream body) {
		if (body == null) {
			return JsonMapper.shared().missingNode();
		}
		try (body) {
			byte[] bytes = body.readNBytes(MAX_PROBLEM_BYTES);
			return (bytes.length > 0) ? JsonMapper.shared().readTree(bytes) : JsonMapper.shared().missingNode();
		}
		catch (IOException | JacksonException ex) {
			return JsonMapper.shared().missingNode();
		}
	}

	private static String typeName(String type) {
		int slash = type.lastIndexOf('/');
		return (slash >= 0 && slash < type.length() - 1) ? type.substring(slash + 1) : type;
	}

	// the API lists either sentences (the password policy) or field errors
	// ({field, message})
	private static List<String> sentences(JsonNode errors) {
		List<String> sentences = new ArrayList<>();
		if (errors.isArray()) {
			for (JsonNode error : errors.values()) {
				String sentence = error.isString() ? error.asString() : error.path("message").asString("");
				if (!sentence.isBlank()) {
					sentences.add(sentence);
				}
			}
		}
		return sentences;
	}

}
