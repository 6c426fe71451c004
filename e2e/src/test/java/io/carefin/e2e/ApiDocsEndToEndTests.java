package io.carefin.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API as the services document it (springdoc's {@code /v3/api-docs}) and as
 * DESIGN §7 promises it agree: every method and path of §7 is in a service's OpenAPI
 * document, with the {@code Idempotency-Key} header required where §7 asks for one, and
 * every operation answers errors as problem documents, and the documents send their
 * callers through the gateway. §7 allows paths beyond its own, so only its rows are
 * required.
 */
@ExtendWith(LocalStack.class)
class ApiDocsEndToEndTests {

	private static final Path DESIGN = Path.of("..", "..", "shared", "DESIGN.md").toAbsolutePath().normalize();

	private static final Map<String, Integer> SERVICES = Map.of("auth-service", 8081, "transaction-service", 8082,
			"account-service", 8083, "reporting-service", 8084, "notification-service", 8085);

	private static final Pattern CODE = Pattern.compile("`([^`]*)`");

	private static final Pattern ROUTE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE)(?: (/[^?\\s]*))?.*$");

	record Route(String method, String path, boolean idempotent) {

		String key() {
			return this.method + " " + this.path.replaceAll("\\{[^}]*}", "{}");
		}

	}

	@Test
	void everyRouteOfDesignSectionSevenIsDocumentedAsDesigned() throws Exception {
		Assumptions.assumeTrue(Files.exists(DESIGN), "DESIGN.md is not checked out beside this repository");
		List<Route> designed = designed(Files.readString(DESIGN));
		assertThat(designed).as("routes read from DESIGN §7").hasSizeGreaterThan(25);

		String token = new Api("198.51.100.60")
			.post("/api/auth/login", null, Map.of("userId", "demo.admin", "password", "Smile-Brightly-2026"))
			.field("accessToken");
		Map<String, JsonNode> documented = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
			Api.Reply docs = Api.getAbsolute("http://localhost:" + service.getValue() + "/v3/api-docs", token);
			assertThat(docs.status()).as("%s's /v3/api-docs: %s", service.getKey(), docs.text()).isEqualTo(200);
			assertThat(docs.body().path("servers").path(0).path("url").asString())
				.as("%s's document sends its callers through the gateway", service.getKey())
				.isEqualTo("/");
			docs.body()
				.path("paths")
				.properties()
				.forEach((path) -> path.getValue()
					.properties()
					.forEach((operation) -> documented.put(
							new Route(operation.getKey().toUpperCase(), path.getKey(), false).key(),
							operation.getValue())));
		}

		List<String> problems = new ArrayList<>();
		for (Route route : designed) {
			JsonNode operation = documented.get(route.key());
			if (operation == null) {
				problems.add(route.key() + " is in DESIGN §7 but in no service's OpenAPI document");
				continue;
			}
			if (!operation.path("responses").path("default").path("content").has("application/problem+json")) {
				problems.add(route.key() + " does not document its errors as problem documents");
			}
			boolean keyRequired = operation.path("parameters")
				.valueStream()
				.anyMatch((parameter) -> "Idempotency-Key".equals(parameter.path("name").asString())
						&& parameter.path("required").asBoolean());
			if (route.idempotent() && !keyRequired) {
				problems.add(route.key() + " takes an Idempotency-Key in DESIGN §7, not in its OpenAPI document");
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * The routes of §7's table, from its first column: {@code `POST /api/x`},
	 * {@code `GET /api/x?q=`}, and the table's shorthands, {@code · `/suspend`} (a
	 * sibling path, same method) and {@code · `POST`} (the same path, another method).
	 */
	static List<Route> designed(String design) {
		String section = design.substring(design.indexOf("## 7."), design.indexOf("## 8."));
		List<Route> routes = new ArrayList<>();
		for (String line : section.lines().filter((row) -> row.startsWith("| `")).toList()) {
			String first = line.split("\\|")[1];
			List<Route> row = new ArrayList<>();
			Matcher codes = CODE.matcher(first);
			while (codes.find()) {
				String code = codes.group(1);
				Matcher route = ROUTE.matcher(code);
				Route last = row.isEmpty() ? null : row.getLast();
				if (route.matches() && route.group(2) != null) {
					row.add(new Route(route.group(1), route.group(2), false));
				}
				else if (route.matches() && last != null) {
					row.add(new Route(route.group(1), last.path(), false));
				}
				else if (code.matches("/[a-z-]+") && last != null) {
					row.add(new Route(last.method(), last.path().substring(0, last.path().lastIndexOf('/')) + code,
							false));
				}
				else if (code.equals("Idempotency-Key") && last != null) {
					row.set(row.size() - 1, new Route(last.method(), last.path(), true));
				}
			}
			routes.addAll(row);
		}
		return routes;
	}

}
