package io.carefin.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of a service, read from its own handler mappings, against every kind of
 * caller: the answer is the one docs/permissions.md documents in the service's section,
 * so a new route without a row there (or with an answer that differs) fails, as a test
 * the service's integration test inherits. A route answers 401 without a token, unless
 * its row names {@value #ANYONE} as its permission: such a public route must then pass
 * every caller, with a token or without.
 */
public interface PermissionMatrixContract {

	/**
	 * The permission cell of a public route in docs/permissions.md.
	 */
	String ANYONE = "anyone";

	List<String> CALLERS = List.of("user without it", "user with it", "practice admin", "SUPPORT", "OPS_ADMIN",
			"AUDITOR");

	List<String> PERMISSIONS = List.of("PROCESS_PURCHASES", "PROCESS_REFUNDS", "PROCESS_APPLICATIONS", "VIEW_REPORTS",
			"MANAGE_USERS", "MANAGE_PROMOTIONS", "POST_PAYMENTS");

	/**
	 * The service's section of docs/permissions.md ({@code ## <service>}).
	 */
	String service();

	/**
	 * Whether the matrix checks the route ({@code METHOD /path}): every {@code /api}
	 * route unless a service narrows it to those its section of docs/permissions.md
	 * lists, when its other routes (auth-service's sign-in and a user's own profile) are
	 * proved by their own tests.
	 */
	default boolean checks(String route) {
		return true;
	}

	/**
	 * A practice user's token the service accepts now.
	 */
	default String practiceUser(UUID practice, String role, String... permissions) {
		return TestIssuer.PROVIDER.practiceUserWith(practice, role, permissions);
	}

	/**
	 * A staff member's token the service accepts now.
	 */
	default String staff(String role) {
		return TestIssuer.STAFF.staffMember(role);
	}

	@Test
	default void everyRouteAnswersEveryCallerAsDocumented(
			@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
			@Autowired Environment environment) throws IOException {
		Map<String, Map<String, String>> documented = documented(service());
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					info.getMethodsCondition()
						.getMethods()
						.stream()
						.map((method) -> method + " " + pattern)
						.filter(this::checks)
						.forEach(routes::add);
				}
			}
		}

		assertThat(routes).as("routes in the code and in docs/permissions.md").isEqualTo(documented.keySet());
		String base = "http://localhost:" + environment.getProperty("local.server.port");
		List<String> wrong = new ArrayList<>();
		for (String route : routes) {
			Map<String, String> row = documented.get(route);
			boolean open = ANYONE.equals(row.get("permission"));
			int anonymous = call(base, route, null);
			if (open ? (anonymous == 401 || anonymous == 403 || anonymous >= 500) : anonymous != 401) {
				wrong.add(route + " without a token: " + anonymous + (open ? ", documented open to anyone" : ""));
			}
			for (String caller : CALLERS) {
				int status = call(base, route, token(caller, row.get("permission")));
				boolean refused = status == 403;
				boolean expectedRefused = "403".equals(row.get(caller));
				if (refused != expectedRefused || status == 401 || status >= 500) {
					wrong.add(route + " as " + caller + ": " + status + ", documented " + row.get(caller));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private String token(String caller, String permission) {
		UUID practice = UUID.randomUUID();
		return switch (caller) {
			case "user without it" -> practiceUser(practice, "PRACTICE_USER");
			case "user with it" ->
				("—".equals(permission) || ANYONE.equals(permission)) ? practiceUser(practice, "PRACTICE_USER")
						: practiceUser(practice, "PRACTICE_USER", permission.replace("`", ""));
			case "practice admin" -> practiceUser(practice, "PRACTICE_ADMIN", PERMISSIONS.toArray(String[]::new));
			default -> staff(caller);
		};
	}

	private static int call(String base, String route, @Nullable String token) {
		String[] parts = route.split(" ", 2);
		String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("X-Access-Reason", "permission matrix check")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.method(parts[0], HttpRequest.BodyPublishers.ofString("{}"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
	 * The rows of a service's table in docs/permissions.md, by route, each a map from
	 * column name to cell.
	 */
	static Map<String, Map<String, String>> documented(String service) throws IOException {
		List<String> lines = Files.readAllLines(Path.of("..", "docs", "permissions.md"));
		int start = lines.indexOf("## " + service);
		assertThat(start).as("a section ## " + service).isNotNegative();
		List<String> header = null;
		Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			if (!line.startsWith("|") || line.startsWith("|---")) {
				continue;
			}
			List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|"))
				.stream()
				.map(String::strip)
				.toList();
			if (header == null) {
				header = cells;
				continue;
			}
			Map<String, String> row = new HashMap<>();
			for (int i = 1; i < cells.size(); i++) {
				row.put(header.get(i), cells.get(i));
			}
			rows.put(cells.get(0).replace("`", ""), row);
		}
		return rows;
	}

}
