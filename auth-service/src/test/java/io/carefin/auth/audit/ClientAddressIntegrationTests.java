package io.carefin.auth.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller that reaches auth-service without the gateway cannot choose the client address
 * its sign-ins are audited under by writing {@code X-Client-Address}: here the gateway is
 * elsewhere, so the test's own loopback connection is no gateway.
 */
@AuthServiceTest
@TestPropertySource(properties = "carefin.security.client-address.gateways=192.0.2.10")
class ClientAddressIntegrationTests {

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void auditsACallerThatIsNotTheGatewayUnderItsOwnAddress(RestTestClient http) {
		String userId = this.fixtures.activeUser();
		http.post()
			.uri("/api/auth/login")
			.header("X-Client-Address", "203.0.113.7")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AuthFixtures.login(userId, "not the password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();

		assertThat(this.jdbc.sql("SELECT client_ip FROM audit_entry WHERE user_id = :id")
			.param("id", this.fixtures.idOf(userId))
			.query(String.class)
			.list()).isNotEmpty().allSatisfy((address) -> assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
	}

}
