package io.carefin.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.auth.AccessEvent;
import io.carefin.contracts.auth.AccessRevoked;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AccessRevoked}'s JSON on the wire matches its golden file, written and read, on
 * a topic of its own that carries nothing but ids and times.
 */
class AccessRevokedTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final AccessRevoked signedOut = new AccessRevoked(UUID.fromString("2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f"),
			Instant.parse("2026-12-08T10:15:30.250Z"), UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"),
			UUID.fromString("7d6c5b4a-3e2f-4a1b-8c9d-0e1f2a3b4c5d"), Instant.parse("2026-12-08T10:15:31Z"),
			"SIGNED_OUT");

	@Test
	void writesAndReadsTheGoldenJson() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/golden/auth/AccessRevoked.json")) {
			assertThat(in).isNotNull();
			byte[] golden = in.readAllBytes();
			assertThat(this.json.readTree(this.json.writerFor(AccessEvent.class).writeValueAsString(this.signedOut)))
				.isEqualTo(this.json.readTree(golden));
			assertThat(this.json.readValue(golden, AccessEvent.class)).isEqualTo(this.signedOut);
		}
	}

	@Test
	void aRevocationOfEverySessionHasNoSessionAndIsKeyedByItsUser() {
		AccessRevoked suspended = new AccessRevoked(UUID.randomUUID(), Instant.parse("2026-12-08T10:15:30Z"),
				UUID.fromString("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f"), null, Instant.parse("2026-12-08T10:15:31Z"),
				"SUSPENDED");

		assertThat(suspended.aggregateId()).isEqualTo("0b8e7c52-54a1-4f0e-8d3c-2a9b1c7d6e5f");
		assertThat(Topics.FAMILIES.get(suspended.topic())).isEqualTo(AccessEvent.class);
		assertThat(this.json.writerFor(AccessEvent.class).writeValueAsString(suspended)).contains("\"sessionId\":null",
				"\"type\":\"AccessRevoked\"");
	}

}
