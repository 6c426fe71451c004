package io.carefin.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.carefin.testsupport.PermissionMatrixContract;
import io.carefin.testsupport.TestIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service's staff routes ({@code /api/auth/admin/**} and {@code /api/auth/audit**})
 * and the practice admin's team routes ({@code /api/auth/users/**} but the open
 * activation), read from the application's own handler mappings, answer a practice user
 * without and with the route's permission, a practice admin with every permission and
 * each staff role as the auth-service table of docs/permissions.md documents: a route
 * missing there, or an answer that differs, fails. The practice users' tokens are
 * auth-service's own, from a real sign-in. The other routes (sign-in, recovery, a user's
 * own profile) are public or the practice users' own and are proved by their own tests.
 */
@AuthServiceTest
class PermissionMatrixIntegrationTests {

	private static final List<String> CALLERS = PermissionMatrixContract.CALLERS;

	/**
	 * The invited user's activation, open to anyone with the link.
	 */
	private static final String ACTIVATION = "/api/auth/users/activate";

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyStaffAndTeamRouteAnswersEveryCallerAsDocumented(RestTestClient http,
			@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
			@Autowired Environment environment) throws IOException {
		Map<String, Map<String, String>> documented = PermissionMatrixContract.documented("auth-service");
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/auth/admin/") || pattern.startsWith("/api/auth/audit")
						|| (pattern.startsWith("/api/auth/users") && !pattern.equals(ACTIVATION))) {
					info.getMethodsCondition().getMethods().forEach((method) -> routes.add(method + " " + pattern));
				}
			}
		}
		assertThat(routes).as("staff and team routes in the code and in docs/permissions.md")
			.isEqualTo(documented.keySet());

		Map<String, String> tokens = Map.of("user without it", practiceToken(http, "PRACTICE_USER"), "practice admin",
				practiceToken(http, "PRACTICE_ADMIN", PermissionMatrixContract.PERMISSIONS.toArray(String[]::new)),
				"SUPPORT", TestIssuer.STAFF.staffMember("SUPPORT"), "OPS_ADMIN",
				TestIssuer.STAFF.staffMember("OPS_ADMIN"), "AUDITOR", TestIssuer.STAFF.staffMember("AUDITOR"));
		Map<String, String> withPermission = new HashMap<>();
		String base = "http://localhost:" + environment.getProperty("local.server.port");
		List<String> wrong = new ArrayList<>();
		for (String route : routes) {
			Map<String, String> row = documented.get(route);
			int anonymous = call(base, route, null);
			if (anonymous != 401) {
				wrong.add(route + " without a token: " + anonymous);
			}
			String permission = row.get("permission").replace("`", "");
			for (String caller : CALLERS) {
				String token = "user with it".equals(caller)
						? withPermission.computeIfAbsent(permission, (named) -> "—".equals(named)
								? tokens.get("user without it") : practiceToken(http, "PRACTICE_USER", named))
						: tokens.get(caller);
				int status = call(base, route, token);
				boolean refused = status == 403;
				boolean expectedRefused = "403".equals(row.get(caller));
				if (refused != expectedRefused || status == 401 || status >= 500) {
					wrong.add(route + " as " + caller + ": " + status + ", documented " + row.get(caller));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * The access token of a new active user of a new practice with the role and exactly
	 * the permissions given.
	 */
	private String practiceToken(RestTestClient http, String role, String... permissions) {
		UUID practice = this.fixtures.practice("Matrix " + UUID.randomUUID());
		String userId = "matrix-" + UUID.randomUUID();
		this.fixtures.user(practice, userId, userId + "@example.test", role, "ACTIVE", this.fixtures.passwordHash());
		this.jdbc.sql("UPDATE practice_user SET permissions = :permissions WHERE user_id = :userId")
			.param("permissions", permissions)
			.param("userId", userId)
			.update();
		return (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
	}

	private static int call(String base, String route, @Nullable String token) {
		String[] parts = route.split(" ", 2);
		String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.method(parts[0], HttpRequest.BodyPublishers.ofString("{}"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
