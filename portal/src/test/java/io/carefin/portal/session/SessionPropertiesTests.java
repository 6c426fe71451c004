package io.carefin.portal.session;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionPropertiesTests {

	@Test
	void timeoutsAreSaidInWords() {
		assertThat(SessionProperties.words(Duration.ofMinutes(15))).isEqualTo("15 minutes");
		assertThat(SessionProperties.words(Duration.ofMinutes(1))).isEqualTo("1 minute");
		assertThat(SessionProperties.words(Duration.ofHours(12))).isEqualTo("12 hours");
		assertThat(SessionProperties.words(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(SessionProperties.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
		assertThat(SessionProperties.words(Duration.ofSeconds(45))).isEqualTo("45 seconds");
	}

	@Test
	void tokensAreDueForRenewalShortlyBeforeTheyExpire() {
		Instant now = Instant.parse("2026-03-02T10:00:00Z");
		ApiTokens tokens = new ApiTokens("a", "r", now.plusSeconds(61), now.minusSeconds(10));
		assertThat(tokens.expiresWithin(Duration.ofSeconds(60), now)).isFalse();
		assertThat(tokens.expiresWithin(Duration.ofSeconds(60), now.plusSeconds(1))).isTrue();
		assertThat(tokens.refreshedBefore(Duration.ofSeconds(30), now)).isFalse();
		assertThat(tokens.refreshedBefore(Duration.ofSeconds(30), now.plusSeconds(20))).isTrue();
	}

	@Test
	void tokensNeverShowInLogs() {
		Instant now = Instant.parse("2026-03-02T10:00:00Z");
		assertThat(new ApiTokens("access-secret", "refresh-secret", now, now).toString())
			.doesNotContain("access-secret")
			.doesNotContain("refresh-secret");
	}

}
