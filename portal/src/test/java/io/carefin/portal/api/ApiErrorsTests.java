package io.carefin.portal.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiErrorsTests {

	final ApiErrors errors = new ApiErrors(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void aProblemBecomesAnExceptionWithItsTypeDetailAndReasons() {
		ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
				() -> raise(422, HttpHeaders.EMPTY, """
						{"type": "https://carefin.io/problems/password-rejected", "status": 422,
						 "detail": "Choose another password.", "errors": ["Use at least 12 characters."]}
						"""));
		assertThat(problem.status()).isEqualTo(422);
		assertThat(problem.is("password-rejected")).isTrue();
		assertThat(problem.detail()).isEqualTo("Choose another password.");
		assertThat(problem.errors()).containsExactly("Use at least 12 characters.");
	}

	@Test
	void fieldErrorsBecomeTheirMessages() {
		ApiProblemException problem = catchThrowableOfType(ApiProblemException.class, () -> raise(400,
				HttpHeaders.EMPTY, "{\"errors\": [{\"field\": \"phone\", \"message\": \"Not a mobile number.\"}]}"));
		assertThat(problem.type()).isEqualTo("about:blank");
		assertThat(problem.errors()).containsExactly("Not a mobile number.");
	}

	@Test
	void anAnswerThatIsNotJsonIsStillARefusal() {
		ApiProblemException problem = catchThrowableOfType(ApiProblemException.class,
				() -> raise(401, HttpHeaders.EMPTY, "<html>no</html>"));
		assertThat(problem.status()).isEqualTo(401);
		assertThat(problem.detail()).isNull();
	}

	@Test
	void a429TellsHowLongToWait() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "42");
		TooManyRequestsException wait = catchThrowableOfType(TooManyRequestsException.class,
				() -> raise(429, headers, ""));
		assertThat(wait.retryAfter()).isEqualTo(Duration.ofSeconds(42));
	}

	@Test
	void retryAfterMayBeAnHttpDate() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "Mon, 02 Mar 2026 10:02:00 GMT");
		assertThat(this.errors.retryAfter(headers)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void aMissingOrUnreadableRetryAfterMeansAMinute() {
		HttpHeaders headers = new HttpHeaders();
		assertThat(this.errors.retryAfter(headers)).isEqualTo(Duration.ofMinutes(1));
		headers.set(HttpHeaders.RETRY_AFTER, "soon");
		assertThat(this.errors.retryAfter(headers)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void serverErrorsMeanTheApiIsUnavailable() {
		assertThat(catchThrowableOfType(ApiUnavailableException.class, () -> raise(503, HttpHeaders.EMPTY, "")))
			.hasMessageContaining("503");
	}

	private void raise(int status, HttpHeaders headers, String body) throws Exception {
		this.errors.raise(new MockClientHttpRequest(HttpMethod.POST, URI.create("http://gateway/api/auth/login")),
				new Response(HttpStatusCode.valueOf(status), headers, body));
	}

	record Response(HttpStatusCode status, HttpHeaders headers, String body) implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() {
			return this.status;
		}

		@Override
		public String getStatusText() {
			return HttpStatus.valueOf(this.status.value()).getReasonPhrase();
		}

		@Override
		public void close() {
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}
