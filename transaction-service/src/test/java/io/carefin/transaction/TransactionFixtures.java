package io.carefin.transaction;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import io.carefin.testsupport.TestIssuer;
import io.carefin.transaction.creditline.CreditLines;
import io.carefin.transaction.creditline.OpenedCreditLine;
import io.carefin.transaction.promotion.Promotions;

/**
 * Practices, credit lines, tokens and HTTP calls for transaction-service's integration
 * tests.
 */
@TestComponent
public class TransactionFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Promotions promotions;

	private final CreditLines creditLines;

	private final Environment environment;

	private final Clock clock;

	TransactionFixtures(Promotions promotions, CreditLines creditLines, Environment environment, Clock clock) {
		this.promotions = promotions;
		this.creditLines = creditLines;
		this.environment = environment;
		this.clock = clock;
	}

	/**
	 * A new practice that offers the given plans.
	 */
	public UUID practice(String... plans) {
		UUID practice = UUID.randomUUID();
		for (String plan : plans) {
			this.promotions.enable(practice, plan);
		}
		return practice;
	}

	/**
	 * A practice user who may process purchases, refunds and applications.
	 */
	public String clerk(UUID practice) {
		return practiceUser(practice, "PRACTICE_USER", "PROCESS_PURCHASES", "PROCESS_REFUNDS", "PROCESS_APPLICATIONS");
	}

	/**
	 * A practice admin who may manage promotions.
	 */
	public String admin(UUID practice) {
		return practiceUser(practice, "PRACTICE_ADMIN", "MANAGE_PROMOTIONS");
	}

	/**
	 * A practice user's token valid on the service's (movable) clock.
	 */
	public String practiceUser(UUID practice, String role, String... permissions) {
		return TestIssuer.PROVIDER.practiceToken(practice, List.of(role), List.of(permissions))
			.expiresAt(this.clock.instant().plus(Duration.ofMinutes(5)))
			.sign();
	}

	/**
	 * A staff member's token valid on the service's (movable) clock.
	 */
	public String staff(String role) {
		return TestIssuer.STAFF.token(UUID.randomUUID().toString())
			.claim("realm_access", Map.of("roles", List.of(role)))
			.expiresAt(this.clock.instant().plus(Duration.ofMinutes(5)))
			.sign();
	}

	/**
	 * Opens a credit line with the practice.
	 */
	public OpenedCreditLine creditLine(UUID practice, String limit) {
		return this.creditLines.open(practice, new BigDecimal(limit));
	}

	/**
	 * The full number of an account, as printed on the patient's card.
	 */
	public String accountNumber(UUID accountId) {
		return this.creditLines.accountNumber(accountId).orElseThrow();
	}

	/**
	 * A purchase request's JSON body naming the account by id.
	 */
	public static String purchase(UUID accountId, String amount, String plan) {
		return """
				{"accountId":"%s","amount":%s,"promotionCode":"%s"}""".formatted(accountId, amount, plan);
	}

	/**
	 * A POST with the token, or without one when it is {@code null}.
	 */
	public Response post(String path, @Nullable String token, String body) {
		return post(path, token, body, null);
	}

	public Response post(String path, @Nullable String token, String body, @Nullable String idempotencyKey) {
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	/**
	 * A money-moving POST with a fresh {@code Idempotency-Key}.
	 */
	public Response postOnce(String path, String token, String body) {
		return post(path, token, body, UUID.randomUUID().toString());
	}

	public Response put(String path, String token) {
		return send(request(path, token).PUT(HttpRequest.BodyPublishers.noBody()).build());
	}

	public Response put(String path, String token, String body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * A GET with the token, or without one when it is {@code null}.
	 */
	public Response get(String path, @Nullable String token) {
		return send(request(path, token).GET().build());
	}

	private HttpRequest.Builder request(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? tools.jackson.databind.node.NullNode.getInstance()
					: JSON.readTree(response.body());
			return new Response(response.statusCode(), body, response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("X-Total-Count").orElse(null));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status its status
	 * @param json its body as JSON
	 * @param body its body as text
	 * @param contentType its content type
	 * @param totalCount its {@code X-Total-Count} header, when a list answers one
	 */
	public record Response(int status, JsonNode json, String body, String contentType, @Nullable String totalCount) {

		/**
		 * A text field of the body.
		 */
		public String text(String field) {
			return this.json.path(field).asString();
		}

		/**
		 * The problem type's last segment.
		 */
		public String problemType() {
			return text("type").replace("https://carefin.io/problems/", "");
		}

	}

}
