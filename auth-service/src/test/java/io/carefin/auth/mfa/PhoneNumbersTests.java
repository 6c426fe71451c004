package io.carefin.auth.mfa;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "(201) 555-0123", "201-555-0123", "2015550123", "+1 201 555 0123", "1 (201) 555-0123" })
	void normalisesUsNumbersHoweverTheyAreTyped(String typed) {
		assertThat(PhoneNumbers.mobile(typed)).hasValue("+12015550123");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+44 7400 123456", "+33 6 12 34 56 78" })
	void acceptsMobileNumbersAbroadWithTheirCountryCode(String typed) {
		assertThat(PhoneNumbers.mobile(typed)).hasValueSatisfying((number) -> assertThat(number).startsWith("+"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12345", "not a number", "(000) 555-0123", "+44 20 7946 0018", "+1 800 555 0123" })
	void refusesNumbersThatCannotReceiveTexts(String typed) {
		assertThat(PhoneNumbers.mobile(typed)).isEmpty();
	}

}
