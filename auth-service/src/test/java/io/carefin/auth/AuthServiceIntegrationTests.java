package io.carefin.auth;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.carefin.contracts.DomainEvent;
import io.carefin.contracts.auth.UserLocked;
import io.carefin.testsupport.OutboxContract;
import io.carefin.testsupport.TrustContract;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
@TestPropertySource(properties = "carefin.auth.tokens.issuer=http://auth-service.test")
class AuthServiceIntegrationTests implements TrustContract, OutboxContract {

	@Autowired
	JdbcClient jdbc;

	@Override
	public String protectedPath() {
		return "/api/auth/users/" + UUID.randomUUID() + "/wiring-check";
	}

	@Override
	public DomainEvent newEvent() {
		Instant now = Instant.now();
		return new UserLocked(UUID.randomUUID(), now, UUID.randomUUID(), UUID.randomUUID(), "Bright Smiles Dental",
				"admin@brightsmiles.example", now.plusSeconds(1800));
	}

	@Test
	void migratesItsOwnSchemaWithFlyway() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'")
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("SELECT to_regclass('event_publication') IS NOT NULL").query(Boolean.class).single())
			.isTrue();
	}

}
