package io.carefin.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the demo practices a few patients, purchases and a refund on the first start, so
 * that accounts and reports are not empty. It goes through the gateway's public API like
 * any client, so every event flows to every service as it would in production.
 */
final class DemoActivity {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern FIELD = Pattern.compile("\"(%s)\"\\s*:\\s*\"([^\"]*)\"");

	private final String gateway;

	DemoActivity(String gateway) {
		this.gateway = gateway;
	}

	/**
	 * Creates the activity unless a marker says an earlier start did.
	 * @return a line saying what was done
	 */
	String createOnce(Path marker) throws IOException, InterruptedException {
		if (Files.exists(marker)) {
			return "Demo activity: already created on an earlier start.";
		}
		int[] made = new int[2];
		practice("demo.admin", "Smile-Brightly-2026",
				new String[][] { { "Maria", "Lopez", "1984-03-09", "123-00-0450", "maria.lopez@example.com" },
						{ "James", "Carter", "1971-11-21", "234-00-0460", "james.carter@example.com" } },
				made);
		practice("lakeside.admin", "Lakeside-Harbor-2026",
				new String[][] { { "Aisha", "Khan", "1990-06-14", "345-00-0470", "aisha.khan@example.com" },
						{ "Tom", "Nguyen", "1965-01-30", "456-00-0449", "tom.nguyen@example.com" } },
				made);
		Files.writeString(marker, "created\n");
		return "Demo activity: 4 patients applied, " + made[0] + " purchases and " + made[1] + " refunds made.";
	}

	private void practice(String userId, String password, String[][] patients, int[] made)
			throws IOException, InterruptedException {
		String login = post("/api/auth/login", null,
				"{\"userId\":\"%s\",\"password\":\"%s\"}".formatted(userId, password), null);
		String token = field(login, "accessToken");
		for (int i = 0; i < patients.length; i++) {
			String[] patient = patients[i];
			String application = post("/api/transactions/applications", token, """
					{"firstName":"%s","lastName":"%s","dateOfBirth":"%s","ssn":"%s","email":"%s",
					"mobile":"+1555555018%d","address":{"line1":"12 Elm Street","city":"Springfield","state":"IL",
					"postalCode":"62704"},"annualIncome":85000.00,"monthlyHousingPayment":1500.00,
					"requestedAmount":6000.00,"keyedBy":"STAFF"}
					""".formatted(patient[0], patient[1], patient[2], patient[3], patient[4], i), null);
			if (!"APPROVED".equals(field(application, "status"))) {
				continue;
			}
			String account = field(application, "accountId");
			String deferred = post("/api/transactions/purchases", token,
					"{\"accountId\":\"%s\",\"amount\":1200.00,\"promotionCode\":\"DEFERRED_12\"}".formatted(account),
					UUID.randomUUID().toString());
			String fixed = post("/api/transactions/purchases", token,
					"{\"accountId\":\"%s\",\"amount\":3000.00,\"promotionCode\":\"FIXED_24\"}".formatted(account),
					UUID.randomUUID().toString());
			made[0] += "APPROVED".equals(field(deferred, "status")) ? 1 : 0;
			made[0] += "APPROVED".equals(field(fixed, "status")) ? 1 : 0;
			if (i == 0 && "APPROVED".equals(field(deferred, "status"))) {
				post("/api/transactions/purchases/" + field(deferred, "purchaseId") + "/refunds", token,
						"{\"amount\":150.00}", UUID.randomUUID().toString());
				made[1]++;
			}
		}
	}

	private String post(String path, String token, String body, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("POST " + path + " answered " + response.statusCode());
		}
		return response.body();
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile(FIELD.pattern().formatted(Pattern.quote(name))).matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + name + " in an answer");
		}
		return matcher.group(2);
	}

}
