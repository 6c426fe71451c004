package io.carefin.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.transaction.Address;
import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.CreditLineEvent;
import io.carefin.contracts.transaction.CreditLineOpened;
import io.carefin.contracts.transaction.Patient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CreditLineOpened}'s JSON on the wire matches its golden file, on a topic of its
 * own keyed by account; the approval it comes with no longer carries the date of birth or
 * the address.
 */
class CreditLineOpenedTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CreditLineOpened opened = new CreditLineOpened(
			UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"), Instant.parse("2026-11-23T15:00:00.500Z"),
			EventFixtures.ACCOUNT, EventFixtures.APPLICATION, EventFixtures.PRACTICE, "Bright Smiles Dental",
			new Patient("Maria", "Lopez", "maria.lopez@example.com", "+15555550188"), LocalDate.of(1984, 3, 9),
			new Address("12 Elm Street", null, "Springfield", "IL", "62704"), "4242",
			"9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f", new BigDecimal("5000"));

	@Test
	void writesAndReadsTheGoldenJson() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/golden/transaction/CreditLineOpened.json")) {
			assertThat(in).isNotNull();
			byte[] golden = in.readAllBytes();
			assertThat(this.json.readTree(this.json.writerFor(CreditLineEvent.class).writeValueAsString(this.opened)))
				.isEqualTo(this.json.readTree(golden));
			assertThat(this.json.readValue(golden, CreditLineEvent.class)).isEqualTo(this.opened);
		}
	}

	@Test
	void isKeyedByItsAccountOnItsOwnTopicAndNeverPrintsThePatient() {
		assertThat(this.opened.aggregateId()).isEqualTo(EventFixtures.ACCOUNT.toString());
		assertThat(Topics.FAMILIES.get(this.opened.topic())).isEqualTo(CreditLineEvent.class);
		assertThat(this.opened.topic()).isNotEqualTo(ApplicationEvent.TOPIC);
		assertThat(this.opened.toString()).doesNotContain("1984").doesNotContain("Lopez").doesNotContain("Elm");
	}

	@Test
	void anApprovalWithoutTheDateOfBirthAndAddressWritesNeither() {
		ApplicationApproved approval = new ApplicationApproved(UUID.randomUUID(), Instant.parse("2026-11-23T15:00:00Z"),
				EventFixtures.APPLICATION, EventFixtures.PRACTICE, "Bright Smiles Dental",
				Instant.parse("2026-11-23T15:00:00Z"), "STAFF", new BigDecimal("4000.00"), false,
				new Patient("Maria", "Lopez", "maria.lopez@example.com", null), null, null, EventFixtures.ACCOUNT,
				"4242", "9f2c", new BigDecimal("5000.00"), false);

		String written = this.json.writerFor(ApplicationEvent.class).writeValueAsString(approval);

		assertThat(written).doesNotContain("dateOfBirth").doesNotContain("address").doesNotContain("Elm");
		assertThat(this.json.readValue(written, ApplicationEvent.class)).isEqualTo(approval);
	}

}
