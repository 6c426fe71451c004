package io.carefin.transaction.creditline;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccountNumbersTests {

	private static final String TEST_KEY = "Y2FyZWZpbi10ZXN0LWxvb2t1cC1rZXktMzItYnl0ZXMh";

	private final AccountNumbers numbers = new AccountNumbers(new AccountNumberProperties("6019", TEST_KEY));

	@Test
	void makesSixteenLuhnValidDigitsWithThePrefix() {
		Set<String> made = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String number = this.numbers.next();
			assertThat(number).hasSize(16).startsWith("6019").containsOnlyDigits();
			assertThat(AccountNumbers.isValid(number)).as(number).isTrue();
			made.add(number);
		}
		assertThat(made).hasSize(1000);
	}

	@Test
	void takesAConfiguredPrefix() {
		assertThat(new AccountNumbers(new AccountNumberProperties("601912", TEST_KEY)).next()).startsWith("601912");
	}

	@Test
	void checksTheLuhnDigit() {
		assertThat(AccountNumbers.isValid("4111111111111111")).isTrue();
		assertThat(AccountNumbers.isValid("4111111111111112")).isFalse();
		assertThat(AccountNumbers.isValid("411111111111111")).isFalse();
	}

	@Test
	void hashesWithHmacSha256OfTheDigitsInLowercaseHex() {
		// openssl: printf 6019000000000004 | openssl dgst -sha256 -hmac
		// 'carefin-test-lookup-key-32-bytes!'
		assertThat(this.numbers.lookupHash("6019000000000004"))
			.isEqualTo("d92ee55cc42f2eb71c6fe4633ea07ee8410d0bb3de4fab928fb1fc429e83ea69");
	}

	@Test
	void refusesToStartWithoutALookupKey() {
		assertThatIllegalStateException().isThrownBy(() -> new AccountNumbers(new AccountNumberProperties("6019", "")))
			.withMessageContaining("carefin.account-numbers.lookup-key is required");
	}

}
