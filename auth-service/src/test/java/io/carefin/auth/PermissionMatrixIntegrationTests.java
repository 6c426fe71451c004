package io.carefin.auth;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.testsupport.PermissionMatrixContract;

/**
 * auth-service's staff routes ({@code /api/auth/admin/**} and {@code /api/auth/audit**})
 * and the practice admin's team routes ({@code /api/auth/users/**} but the open
 * activation) answer every kind of caller as docs/permissions.md documents. The practice
 * users' tokens are auth-service's own, from a real sign-in. The other routes (sign-in,
 * recovery, a user's own profile) are public or the practice users' own and are proved by
 * their own tests.
 */
@AuthServiceTest
class PermissionMatrixIntegrationTests implements PermissionMatrixContract {

	/**
	 * The invited user's activation, open to anyone with the link.
	 */
	private static final String ACTIVATION = "/api/auth/users/activate";

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Override
	public String service() {
		return "auth-service";
	}

	@Override
	public boolean checks(String route) {
		String path = route.split(" ", 2)[1];
		return path.startsWith("/api/auth/admin/") || path.startsWith("/api/auth/audit")
				|| (path.startsWith("/api/auth/users") && !path.equals(ACTIVATION));
	}

	/**
	 * The access token of a new active user of a new practice with the role and exactly
	 * the permissions given, signed in through auth-service.
	 */
	@Override
	public String practiceUser(UUID practice, String role, String... permissions) {
		UUID own = this.fixtures.practice("Matrix " + UUID.randomUUID());
		String userId = "matrix-" + UUID.randomUUID();
		this.fixtures.user(own, userId, userId + "@example.test", role, "ACTIVE", this.fixtures.passwordHash());
		this.jdbc.sql("UPDATE practice_user SET permissions = :permissions WHERE user_id = :userId")
			.param("permissions", permissions)
			.param("userId", userId)
			.update();
		RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		return (String) AuthFixtures.signedIn(http, userId, AuthFixtures.PASSWORD).get("accessToken");
	}

}
