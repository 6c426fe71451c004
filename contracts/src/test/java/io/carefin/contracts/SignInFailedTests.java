package io.carefin.contracts;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.auth.SignInEvent;
import io.carefin.contracts.auth.SignInFailed;

import static org.assertj.core.api.Assertions.assertThat;

class SignInFailedTests {

	@Test
	void aFailureForNoKnownUserIsKeyedUnknownAndCarriesNoUser() {
		SignInFailed failed = new SignInFailed(UUID.randomUUID(), Instant.parse("2026-11-24T12:01:00Z"), null, null,
				"PASSWORD");

		assertThat(failed.aggregateId()).isEqualTo("unknown");
		String json = JsonMapper.builder().build().writerFor(SignInEvent.class).writeValueAsString(failed);
		assertThat(json).contains("\"userId\":null", "\"practiceId\":null", "\"step\":\"PASSWORD\"");
	}

}
