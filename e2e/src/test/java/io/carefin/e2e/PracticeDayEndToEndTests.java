package io.carefin.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A practice's day, only through the gateway of a platform started with
 * {@code deploy/local/run.sh}: sign-in with an e-mailed code, an application, a quote, a
 * purchase retried with its key, the account and the receipt, a partial refund, another
 * practice refused, a lockout lifted by support through Keycloak, a password reset, and
 * the purchase's one trace across the services. Each step builds on the one before.
 */
@ExtendWith(LocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PracticeDayEndToEndTests {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

	private static final String BRIGHT_SMILES_DENTAL = "5a0c9d8e-7f6b-4a3c-9e2d-1b0a9c8d7e6f";

	private static final Api brightSmiles = new Api("198.51.100.10");

	private static final Api lakeside = new Api("198.51.100.20");

	private static final Api intruder = new Api("198.51.100.30");

	private static final Api forgetful = new Api("198.51.100.40");

	private static final String PATIENT_EMAIL = "maria.lopez." + UUID.randomUUID().toString().substring(0, 8)
			+ "@example.com";

	private static final String PURCHASE_TRACE = randomHex(32);

	private static String token;

	private static String accountId;

	private static String purchaseId;

	private static JsonNode summaryBefore;

	private static JsonNode lakesideSummaryBefore;

	@Test
	@Order(1)
	void aPracticeUserSignsInWithTheCodeFromTheInbox() {
		Api.Reply login = brightSmiles.post("/api/auth/login", null,
				Map.of("userId", "demo.email", "password", "Morning-Mail-2026"));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		assertThat(login.field("status")).isEqualTo("MFA_REQUIRED");
		String code = firstCode(
				Mailbox.awaitMail("billing@brightsmiles.example", (mail) -> SIX_DIGITS.matcher(mail).find()));

		Api.Reply verified = brightSmiles.post("/api/auth/mfa/verify", null,
				Map.of("challengeId", login.field("challengeId"), "code", code));
		assertThat(verified.status()).as(verified.text()).isEqualTo(200);
		assertThat(verified.field("status")).isEqualTo("AUTHENTICATED");
		token = verified.field("accessToken");
		summaryBefore = summary(brightSmiles, token);
		lakesideSummaryBefore = summary(lakeside, signIn(lakeside, "lakeside.user", "Quiet-Lakeshore-2026"));
	}

	@Test
	@Order(2)
	void appliesForCreditQuotesAndBuysOnADeferredPlanOnce() {
		Api.Reply application = brightSmiles.post("/api/transactions/applications", token, application());
		assertThat(application.status()).as(application.text()).isEqualTo(201);
		assertThat(application.field("status")).isEqualTo("APPROVED");
		accountId = application.field("accountId");
		assertThat(new BigDecimal(application.field("creditLimit"))).isPositive();

		Api.Reply quote = brightSmiles.post("/api/transactions/quotes", token,
				Map.of("amount", new BigDecimal("1234.00"), "promotionCode", "DEFERRED_12"));
		assertThat(quote.status()).as(quote.text()).isEqualTo(200);
		// 1,234.00 / 12 = 102.8333…, rounded up so that paying it clears the promotion in
		// time
		assertThat(quote.text()).contains("102.84");

		String key = UUID.randomUUID().toString();
		Map<String, Object> purchase = Map.of("accountId", accountId, "amount", new BigDecimal("1234.00"),
				"promotionCode", "DEFERRED_12");
		// the client starts the trace (W3C traceparent), so the suite knows which one to
		// open
		Api.Reply first = brightSmiles.post("/api/transactions/purchases", token, purchase, "Idempotency-Key", key,
				"traceparent", "00-" + PURCHASE_TRACE + "-" + randomHex(16) + "-01");
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.field("status")).isEqualTo("APPROVED");
		purchaseId = first.field("purchaseId");

		Api.Reply retried = brightSmiles.post("/api/transactions/purchases", token, purchase, "Idempotency-Key", key);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.field("purchaseId")).isEqualTo(purchaseId);
	}

	@Test
	@Order(3)
	void seesTheBalanceAndAvailableCreditAndThePatientGetsAReceipt() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Api.Reply account = brightSmiles.get("/api/accounts/" + accountId, token);
			assertThat(account.status()).as(account.text()).isEqualTo(200);
			assertThat(new BigDecimal(account.field("balance"))).isEqualByComparingTo("1234.00");
			assertThat(new BigDecimal(account.field("availableCredit")))
				.isEqualByComparingTo(new BigDecimal(account.field("creditLimit")).subtract(new BigDecimal("1234.00")));
		});
		Mailbox.awaitMail(PATIENT_EMAIL, (mail) -> mail.contains("1,234.00") || mail.contains("1234.00"));
	}

	@Test
	@Order(4)
	void refundsPartOfThePurchaseAndTheAccountAndReportFollow() {
		Api.Reply refund = brightSmiles.post("/api/transactions/purchases/" + purchaseId + "/refunds", token,
				Map.of("amount", new BigDecimal("234.00")), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(refund.status()).as(refund.text()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Api.Reply account = brightSmiles.get("/api/accounts/" + accountId, token);
			assertThat(new BigDecimal(account.field("balance"))).isEqualByComparingTo("1000.00");
			assertThat(new BigDecimal(account.field("availableCredit")))
				.isEqualByComparingTo(new BigDecimal(account.field("creditLimit")).subtract(new BigDecimal("1000.00")));
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = summary(brightSmiles, token);
			assertThat(increase(summary, summaryBefore, "purchases", "volume")).isEqualByComparingTo("1234.00");
			assertThat(increase(summary, summaryBefore, "refunds", "amount")).isEqualByComparingTo("234.00");
			assertThat(summary.path("refunds").path("count").asLong())
				.isEqualTo(summaryBefore.path("refunds").path("count").asLong() + 1);
		});
	}

	@Test
	@Order(5)
	void anotherPracticeFindsNothingOfTheFirst() {
		String theirs = signIn(lakeside, "lakeside.user", "Quiet-Lakeshore-2026");

		assertThat(lakeside.get("/api/accounts/" + accountId, theirs).status()).isEqualTo(404);
		assertThat(lakeside.get("/api/transactions/purchases/" + purchaseId, theirs).status()).isEqualTo(404);
		assertThat(summary(lakeside, theirs)).as("their figures, unchanged by the other practice's day")
			.isEqualTo(lakesideSummaryBefore);
		String today = LocalDate.now(ZoneId.of("America/New_York")).toString();
		assertThat(lakeside
			.get("/api/reports/summary?from=" + today + "&to=" + today + "&practiceId=" + BRIGHT_SMILES_DENTAL, theirs)
			.status()).isEqualTo(404);
	}

	@Test
	@Order(6)
	void fiveWrongPasswordsLockAUserUntilSupportUnlocks() {
		for (int attempt = 1; attempt <= 5; attempt++) {
			Api.Reply wrong = intruder.post("/api/auth/login", null,
					Map.of("userId", "demo.user", "password", "not-the-password-" + attempt));
			assertThat(wrong.status()).isEqualTo(401);
		}
		Mailbox.awaitMail("frontdesk@brightsmiles.example", (mail) -> mail.toLowerCase().contains("locked"));
		Api.Reply refused = intruder.post("/api/auth/login", null,
				Map.of("userId", "demo.user", "password", "Cheerful-Molars-2026"));
		assertThat(refused.status()).isEqualTo(401);

		Api.Reply staffToken = Api.form("http://localhost:8180/realms/carefin-staff/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "carefin-gateway", "client_secret",
						"carefin-gateway-dev-secret", "username", "support.agent", "password", "Support-Demo-2026!",
						"scope", "openid"));
		assertThat(staffToken.status()).as(staffToken.text()).isEqualTo(200);
		String support = staffToken.field("access_token");
		Api.Reply status = intruder.get("/api/auth/admin/users/demo.user", support);
		assertThat(status.status()).as(status.text()).isEqualTo(200);
		assertThat(status.field("status")).isEqualTo("LOCKED");
		Api.Reply unlocked = intruder.post("/api/auth/admin/users/demo.user/unlock", support,
				Map.of("reason", "Caller verified by phone"));
		assertThat(unlocked.status()).as(unlocked.text()).isEqualTo(200);

		Api.Reply again = intruder.post("/api/auth/login", null,
				Map.of("userId", "demo.user", "password", "Cheerful-Molars-2026"));
		assertThat(again.field("status")).as(again.text()).isEqualTo("AUTHENTICATED");
	}

	@Test
	@Order(7)
	void aForgottenPasswordIsResetOnceByTheEmailedLinkAndOldSessionsEnd() {
		Api.Reply before = forgetful.post("/api/auth/login", null,
				Map.of("userId", "demo.admin", "password", "Smile-Brightly-2026"));
		String oldRefresh = before.field("refreshToken");

		Api.Reply requested = forgetful.post("/api/auth/recovery/password", null,
				Map.of("userId", "demo.admin", "email", "admin@brightsmiles.example"));
		assertThat(requested.status()).isEqualTo(202);
		String mail = Mailbox.awaitMail("admin@brightsmiles.example", (text) -> text.contains("token="));
		Matcher link = Pattern.compile("token=([A-Za-z0-9_\\-]+)").matcher(mail);
		assertThat(link.find()).isTrue();
		String resetToken = link.group(1);

		Map<String, String> reset = Map.of("token", resetToken, "newPassword", "Brand-New-Smiles-2027");
		assertThat(forgetful.post("/api/auth/recovery/password/reset", null, reset).status()).isEqualTo(204);
		assertThat(forgetful.post("/api/auth/recovery/password/reset", null, reset).status()).isBetween(400, 499);
		assertThat(forgetful.post("/api/auth/token/refresh", null, Map.of("refreshToken", oldRefresh)).status())
			.isEqualTo(401);
		Api.Reply after = forgetful.post("/api/auth/login", null,
				Map.of("userId", "demo.admin", "password", "Brand-New-Smiles-2027"));
		assertThat(after.field("status")).as(after.text()).isEqualTo("AUTHENTICATED");
	}

	@Test
	@Order(8)
	void theWholeStackFitsInFourGigabytes() {
		assertThat(LocalStack.residentBytes()).isPositive().isLessThan(4L * 1024 * 1024 * 1024);
	}

	@Test
	@Order(9)
	void thePurchaseIsOneTraceFromTheGatewayThroughKafkaToEveryConsumer() {
		Set<String> services = new TreeSet<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Api.Reply trace = Api.getAbsolute("http://127.0.0.1:9411/api/v2/trace/" + PURCHASE_TRACE);
			assertThat(trace.status()).as(trace.text()).isEqualTo(200);
			services.clear();
			List<String> kinds = new ArrayList<>();
			for (JsonNode span : trace.body()) {
				services.add(span.path("localEndpoint").path("serviceName").asString());
				kinds.add(
						span.path("localEndpoint").path("serviceName").asString() + " " + span.path("kind").asString());
			}
			assertThat(kinds).contains("gateway SERVER", "transaction-service SERVER", "transaction-service PRODUCER",
					"account-service CONSUMER", "reporting-service CONSUMER", "notification-service CONSUMER");
		});
		assertThat(services).containsExactlyInAnyOrder("gateway", "transaction-service", "account-service",
				"reporting-service", "notification-service");
	}

	private static String randomHex(int length) {
		byte[] bytes = new byte[length / 2];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return HexFormat.of().formatHex(bytes);
	}

	private static String signIn(Api client, String userId, String password) {
		Api.Reply login = client.post("/api/auth/login", null, Map.of("userId", userId, "password", password));
		assertThat(login.field("status")).as(login.text()).isEqualTo("AUTHENTICATED");
		return login.field("accessToken");
	}

	private static JsonNode summary(Api client, String accessToken) {
		String today = LocalDate.now(ZoneId.of("America/New_York")).toString();
		Api.Reply summary = client.get("/api/reports/summary?from=" + today + "&to=" + today, accessToken);
		assertThat(summary.status()).as(summary.text()).isEqualTo(200);
		return summary.body();
	}

	private static BigDecimal increase(JsonNode after, JsonNode before, String figure, String field) {
		return new BigDecimal(after.path(figure).path(field).asString("0"))
			.subtract(new BigDecimal(before.path(figure).path(field).asString("0")));
	}

	private static Map<String, Object> application() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("firstName", "Maria");
		body.put("lastName", "Lopez");
		body.put("dateOfBirth", "1984-03-09");
		body.put("ssn", "321-00-0455");
		body.put("address",
				Map.of("line1", "12 Elm Street", "city", "Springfield", "state", "IL", "postalCode", "62704"));
		body.put("email", PATIENT_EMAIL);
		body.put("mobile", "+15555550188");
		body.put("annualIncome", new BigDecimal("85000.00"));
		body.put("monthlyHousingPayment", new BigDecimal("1500.00"));
		body.put("requestedAmount", new BigDecimal("5000.00"));
		body.put("keyedBy", "STAFF");
		return body;
	}

	private static String firstCode(String mail) {
		int body = mail.replace("\r\n", "\n").indexOf("\n\n");
		Matcher code = SIX_DIGITS.matcher(mail.replace("\r\n", "\n").substring(Math.max(body, 0)));
		assertThat(code.find()).as("a six-digit code in the mail").isTrue();
		return code.group(1);
	}

}
