package io.carefin.auth.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of RFC 6238, appendix B, and the rules CareFin adds: one step of
 * drift, no replay.
 */
class TotpTests {

	private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "{0} s with {1}")
	@CsvSource({ "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
			"1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
			"1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
			"1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
			"2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
			"20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706",
			"20000000000, HmacSHA512, 47863826" })
	void matchesTheRfcVectors(long seconds, String hmac, String expected) {
		assertThat(Totp.code(seed(hmac), Totp.step(Instant.ofEpochSecond(seconds)), 8, hmac)).isEqualTo(expected);
	}

	@Test
	void acceptsOneStepOfDriftEitherWayAndNoMore() {
		Instant now = Instant.ofEpochSecond(1_111_111_111);
		long step = Totp.step(now);
		assertThat(Totp.match(SHA1_KEY, code(step - 1), now, 0)).hasValue(step - 1);
		assertThat(Totp.match(SHA1_KEY, code(step + 1), now, 0)).hasValue(step + 1);
		assertThat(Totp.match(SHA1_KEY, code(step - 2), now, 0)).isEmpty();
		assertThat(Totp.match(SHA1_KEY, code(step + 2), now, 0)).isEmpty();
	}

	@Test
	void refusesAStepUsedBefore() {
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		long step = Totp.step(now);
		assertThat(Totp.match(SHA1_KEY, code(step), now, step - 1)).hasValue(step);
		assertThat(Totp.match(SHA1_KEY, code(step), now, step)).isEmpty();
		assertThat(Totp.match(SHA1_KEY, code(step - 1), now, step)).isEmpty();
	}

	private static String code(long step) {
		return Totp.code(SHA1_KEY, step, Totp.DIGITS, "HmacSHA1");
	}

	private static byte[] seed(String hmac) {
		String digits = switch (hmac) {
			case "HmacSHA1" -> "12345678901234567890";
			case "HmacSHA256" -> "12345678901234567890123456789012";
			default -> "1234567890123456789012345678901234567890123456789012345678901234";
		};
		return digits.getBytes(StandardCharsets.US_ASCII);
	}

}
