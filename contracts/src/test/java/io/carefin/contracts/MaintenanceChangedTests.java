package io.carefin.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.auth.MaintenanceChanged;
import io.carefin.contracts.auth.MaintenanceEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MaintenanceChanged}'s JSON on the wire matches its golden file, written and
 * read, on a topic of its own with one key.
 */
class MaintenanceChangedTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final MaintenanceChanged turnedOn = new MaintenanceChanged(
			UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"), Instant.parse("2026-12-08T02:00:00Z"), true,
			"CareFin is down for an upgrade until 6 a.m. UTC.", Instant.parse("2026-12-08T06:00:00Z"));

	@Test
	void writesAndReadsTheGoldenJson() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/golden/auth/MaintenanceChanged.json")) {
			assertThat(in).isNotNull();
			byte[] golden = in.readAllBytes();
			assertThat(
					this.json.readTree(this.json.writerFor(MaintenanceEvent.class).writeValueAsString(this.turnedOn)))
				.isEqualTo(this.json.readTree(golden));
			assertThat(this.json.readValue(golden, MaintenanceEvent.class)).isEqualTo(this.turnedOn);
		}
	}

	@Test
	void turningItOffCarriesNoMessageAndEveryChangeHasTheOneKey() {
		MaintenanceChanged turnedOff = new MaintenanceChanged(UUID.randomUUID(), Instant.parse("2026-12-08T05:00:00Z"),
				false, null, null);

		assertThat(turnedOff.aggregateId()).isEqualTo("platform").isEqualTo(this.turnedOn.aggregateId());
		assertThat(Topics.FAMILIES.get(turnedOff.topic())).isEqualTo(MaintenanceEvent.class);
		assertThat(this.json.writerFor(MaintenanceEvent.class).writeValueAsString(turnedOff))
			.contains("\"type\":\"MaintenanceChanged\"", "\"on\":false", "\"message\":null", "\"until\":null");
	}

}
