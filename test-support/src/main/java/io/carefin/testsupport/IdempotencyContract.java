package io.carefin.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service with money-moving requests promises about {@code Idempotency-Key}
 * (DESIGN §3), as tests its integration test inherits: the same key and body replay the
 * first answer byte for byte (an amount such as {@code 1200.00} keeps its zeros) and
 * apply once, even sent 50 times at once; the same key with another body is refused with
 * 422; a missing key is refused with 400; keys are scoped per practice.
 */
public interface IdempotencyContract {

	/**
	 * A money-moving request for a fresh practice, with everything it needs (a credit
	 * line, an account) set up; each call sets up another practice.
	 */
	IdempotentRequest moneyMovingRequest();

	/**
	 * How many times the effect of the request has been applied.
	 */
	int timesApplied(IdempotentRequest request);

	@Test
	default void replaysTheFirstAnswerForTheSameKeyAndBody(@Value("${local.server.port}") int port) throws Exception {
		IdempotentRequest request = moneyMovingRequest();
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = send(port, request, key, request.body());
		HttpResponse<String> again = send(port, request, key, request.body());

		assertThat(first.statusCode()).as(first.body()).isBetween(200, 299);
		assertThat(again.statusCode()).isEqualTo(first.statusCode());
		assertThat(again.body()).as("the replayed body, byte for byte").isEqualTo(first.body());
		assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(timesApplied(request)).isOne();
	}

	@Test
	default void refusesTheSameKeyWithAnotherBody(@Value("${local.server.port}") int port) throws Exception {
		IdempotentRequest request = moneyMovingRequest();
		String key = UUID.randomUUID().toString();
		send(port, request, key, request.body());
		HttpResponse<String> other = send(port, request, key, request.differentBody());

		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.body()).contains("https://carefin.io/problems/idempotency-key-reused");
		assertThat(timesApplied(request)).isOne();
	}

	@Test
	default void refusesARequestWithoutAKey(@Value("${local.server.port}") int port) throws Exception {
		IdempotentRequest request = moneyMovingRequest();
		HttpResponse<String> missing = send(port, request, null, request.body());

		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(missing.body()).contains("https://carefin.io/problems/idempotency-key-missing");
		assertThat(timesApplied(request)).isZero();
	}

	@Test
	default void appliesFiftyConcurrentIdenticalRequestsOnce(@Value("${local.server.port}") int port) throws Exception {
		IdempotentRequest request = moneyMovingRequest();
		String key = UUID.randomUUID().toString();
		List<HttpResponse<String>> answers;
		try (ExecutorService threads = Executors.newFixedThreadPool(50)) {
			List<Callable<HttpResponse<String>>> sends = IntStream.range(0, 50)
				.<Callable<HttpResponse<String>>>mapToObj((i) -> () -> send(port, request, key, request.body()))
				.toList();
			answers = threads.invokeAll(sends).stream().map(IdempotencyContract::get).toList();
		}

		assertThat(timesApplied(request)).isOne();
		List<HttpResponse<String>> succeeded = answers.stream().filter((answer) -> answer.statusCode() < 300).toList();
		assertThat(succeeded).isNotEmpty();
		assertThat(succeeded).extracting((answer) -> json(answer.body())).containsOnly(json(succeeded.get(0).body()));
		assertThat(answers).extracting(HttpResponse::statusCode)
			.allMatch((status) -> status == succeeded.get(0).statusCode() || status == 409);
	}

	@Test
	default void scopesKeysPerPractice(@Value("${local.server.port}") int port) throws Exception {
		IdempotentRequest mine = moneyMovingRequest();
		IdempotentRequest theirs = moneyMovingRequest();
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = send(port, mine, key, mine.body());
		HttpResponse<String> second = send(port, theirs, key, theirs.body());

		assertThat(first.statusCode()).isBetween(200, 299);
		assertThat(second.statusCode()).isBetween(200, 299);
		assertThat(second.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(timesApplied(mine)).isOne();
		assertThat(timesApplied(theirs)).isOne();
	}

	private static HttpResponse<String> send(int port, IdempotentRequest request, @Nullable String key, String body)
			throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
			.header("Authorization", "Bearer " + request.bearerToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			builder.header("Idempotency-Key", key);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private static Object json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

	private static <T> T get(Future<T> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A money-moving POST as a practice user sends it.
	 *
	 * @param path the request's path, such as {@code /api/transactions/purchases}
	 * @param bearerToken the practice user's access token
	 * @param body the request's JSON body
	 * @param differentBody another JSON body for the same path, which asks for something
	 * else
	 * @param subject what the service needs to count the request's effects, such as the
	 * account's id
	 */
	record IdempotentRequest(String path, String bearerToken, String body, String differentBody, Object subject) {

	}

}
