package io.carefin.account;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.carefin.account.AccountFixtures.Opened;
import io.carefin.testsupport.PermissionMatrixContract;
import io.carefin.testsupport.ServiceIntegrationTest;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that names an object, read from the service's own handler mappings, called
 * by another practice with every permission and practice A's ids: the answer is 404, as
 * if the object did not exist, and nothing about the account changes.
 */
@ServiceIntegrationTest
class TenancyMatrixIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anotherPracticeGetsNotFoundForEveryRouteThatNamesAPracticesObjectAndChangesNothing() throws IOException {
		UUID practiceA = UUID.randomUUID();
		Opened account = AccountFixtures.open(this.jdbc, practiceA, "Lindqvist", LocalDate.of(1990, 5, 17));
		UUID purchase = AccountFixtures.purchase(this.jdbc, account, "2400.00", AccountFixtures.FIXED_24);
		Map<String, String> ids = Map.of("accountId", account.accountId().toString(), "purchaseId",
				purchase.toString());
		Map<String, Map<String, String>> documented = PermissionMatrixContract.documented("account-service");
		String practiceB = TestIssuer.PROVIDER.practiceUserWith(UUID.randomUUID(), "PRACTICE_ADMIN",
				"PROCESS_PURCHASES", "PROCESS_REFUNDS", "PROCESS_APPLICATIONS", "VIEW_REPORTS", "MANAGE_USERS",
				"MANAGE_PROMOTIONS", "POST_PAYMENTS");
		Map<String, Object> before = state(account);

		List<String> objectRoutes = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/") || !pattern.contains("{")) {
					continue;
				}
				for (var method : info.getMethodsCondition().getMethods()) {
					String route = method + " " + pattern;
					if (!"allowed".equals(documented.get(route).get("practice admin"))) {
						continue;
					}
					objectRoutes.add(route);
					String path = pattern;
					for (Map.Entry<String, String> id : ids.entrySet()) {
						path = path.replace("{" + id.getKey() + "}", id.getValue());
					}
					assertThat(path).as(route + " names only known objects").doesNotContain("{");
					int status = call(method.name(), path, practiceB);
					if (status != 404) {
						wrong.add(route + ": " + status);
					}
				}
			}
		}

		assertThat(objectRoutes).as("routes that name an object").hasSizeGreaterThanOrEqualTo(5);
		assertThat(wrong).isEmpty();
		assertThat(state(account)).isEqualTo(before);
	}

	private Map<String, Object> state(Opened account) {
		return this.jdbc.sql("""
				SELECT a.balance, a.status,
				       (SELECT count(*) FROM payment p WHERE p.account_id = a.id) AS payments,
				       (SELECT count(*) FROM ledger_entry e WHERE e.account_id = a.id) AS entries,
				       (SELECT count(*) FROM account_practice l WHERE l.account_id = a.id) AS practices
				FROM account a WHERE a.id = :id
				""").param("id", account.accountId()).query().singleRow();
	}

	private int call(String method, String path, String token) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path))
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			// a valid payment, so that only tenancy can stop it
			.method(method, HttpRequest.BodyPublishers.ofString("{\"amount\":10.00}"))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
