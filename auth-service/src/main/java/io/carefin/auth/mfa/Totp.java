package io.carefin.auth.mfa;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords per RFC 6238 (and RFC 4226's dynamic truncation):
 * 30-second steps, six digits, HMAC-SHA1 as authenticator apps expect, one step of drift
 * either way, and never the same step twice.
 */
final class Totp {

	static final long STEP_SECONDS = 30;

	static final int DIGITS = 6;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	/**
	 * The code of a time step.
	 * @param key the shared secret
	 * @param step the number of steps since the epoch
	 * @param digits how many digits the code has
	 * @param hmac the HMAC algorithm, such as {@code HmacSHA1}
	 */
	static String code(byte[] key, long step, int digits, String hmac) {
		try {
			Mac mac = Mac.getInstance(hmac);
			mac.init(new SecretKeySpec(key, hmac));
			byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + digits + "d", binary % POWERS[digits]);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/**
	 * The step whose code the given code is, within one step of now and after the last
	 * step used.
	 * @return the matching step, or empty when the code is wrong, too old or already used
	 */
	static OptionalLong match(byte[] key, String code, Instant now, long lastUsedStep) {
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (step > lastUsedStep
					&& MessageDigest.isEqual(code(key, step, DIGITS, "HmacSHA1").getBytes(), code.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

}
