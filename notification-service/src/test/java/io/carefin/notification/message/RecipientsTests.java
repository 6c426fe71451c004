package io.carefin.notification.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTests {

	@Test
	void masksAllButTheFirstLetterAndTheDomainOfAnEmailAddress() {
		assertThat(Recipients.mask(Channel.EMAIL, "maria.lopez@example.com")).isEqualTo("m***@example.com");
		assertThat(Recipients.mask(Channel.EMAIL, "not-an-address")).isEqualTo("***");
	}

	@Test
	void masksAllButTheLastFourDigitsOfAPhoneNumber() {
		assertThat(Recipients.mask(Channel.SMS, "+15551234567")).isEqualTo("+*******4567");
		assertThat(Recipients.mask(Channel.SMS, "123")).isEqualTo("****");
	}

	@Test
	void countsTheSameRecipientWhateverItsSpelling() {
		assertThat(Recipients.digest(Channel.EMAIL, " Maria@Example.com"))
			.isEqualTo(Recipients.digest(Channel.EMAIL, "maria@example.com"));
		assertThat(Recipients.digest(Channel.SMS, "+1 (555) 123-4567"))
			.isEqualTo(Recipients.digest(Channel.SMS, "+15551234567"));
		assertThat(Recipients.digest(Channel.SMS, "+15551234567"))
			.isNotEqualTo(Recipients.digest(Channel.EMAIL, "+15551234567"));
	}

}
