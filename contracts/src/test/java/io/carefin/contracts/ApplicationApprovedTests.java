package io.carefin.contracts;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.carefin.contracts.transaction.ApplicationApproved;
import io.carefin.contracts.transaction.ApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code existingAccount} was added to {@link ApplicationApproved} after it was first
 * published: messages written before it must still be read, as a new account.
 */
class ApplicationApprovedTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsAnApprovalWrittenBeforeExistingAccountAsANewAccount() throws IOException {
		ObjectNode old = golden();
		old.remove("existingAccount");

		ApplicationEvent read = this.json.readerFor(ApplicationEvent.class).readValue(old.toString());

		assertThat(old.has("existingAccount")).isFalse();
		assertThat(read).isEqualTo(EventFixtures.applicationApproved());
		assertThat(((ApplicationApproved) read).existingAccount()).isFalse();
	}

	@Test
	void readsANullExistingAccountAsANewAccount() throws IOException {
		ObjectNode nulled = golden();
		nulled.putNull("existingAccount");

		ApplicationEvent read = this.json.readerFor(ApplicationEvent.class).readValue(nulled.toString());

		assertThat(((ApplicationApproved) read).existingAccount()).isFalse();
	}

	@Test
	void writesAndReadsAnApprovalOnAnExistingAccount() throws IOException {
		ApplicationApproved existing = withExistingAccount(EventFixtures.applicationApproved());

		String written = this.json.writerFor(ApplicationEvent.class).writeValueAsString(existing);

		assertThat(written).contains("\"existingAccount\":true");
		assertThat(this.json.readerFor(ApplicationEvent.class).<ApplicationEvent>readValue(written))
			.isEqualTo(existing);
	}

	private ObjectNode golden() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/golden/transaction/ApplicationApproved.json")) {
			return (ObjectNode) this.json.readTree(in);
		}
	}

	private static ApplicationApproved withExistingAccount(ApplicationApproved approved) {
		return new ApplicationApproved(approved.eventId(), approved.occurredAt(), approved.applicationId(),
				approved.practiceId(), approved.practiceName(), approved.submittedAt(), approved.keyedBy(),
				approved.requestedAmount(), approved.reviewed(), approved.patient(), approved.dateOfBirth(),
				approved.address(), approved.accountId(), approved.accountLast4(), approved.accountNumberHash(),
				approved.creditLimit(), true);
	}

}
