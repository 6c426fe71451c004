package io.carefin.transaction.creditline;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Makes patients' 16-digit, Luhn-valid account numbers with the configured prefix, and
 * their keyed lookup hash: lowercase hex of HMAC-SHA256(lookup key, the 16 ASCII digits).
 */
@Component
public class AccountNumbers {

	private static final int LENGTH = 16;

	private final String prefix;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	AccountNumbers(AccountNumberProperties properties) {
		if (!properties.prefix().matches("[0-9]{1,8}")) {
			throw new IllegalStateException("carefin.account-numbers.prefix must be 1 to 8 digits");
		}
		this.prefix = properties.prefix();
		if (properties.lookupKey() == null || properties.lookupKey().isBlank()) {
			throw new IllegalStateException("carefin.account-numbers.lookup-key is required: Base64 of 32 bytes "
					+ "(env CAREFIN_ACCOUNT_NUMBERS_LOOKUP_KEY), the same in account-service");
		}
		byte[] key = Base64.getDecoder().decode(properties.lookupKey());
		if (key.length < 32) {
			throw new IllegalStateException("carefin.account-numbers.lookup-key must be Base64 of at least 32 bytes");
		}
		this.lookupKey = new SecretKeySpec(key, "HmacSHA256");
	}

	/**
	 * A new random account number: the prefix, random digits, and the Luhn check digit.
	 */
	public String next() {
		StringBuilder digits = new StringBuilder(this.prefix);
		while (digits.length() < LENGTH - 1) {
			digits.append(this.random.nextInt(10));
		}
		return digits.append(checkDigit(digits)).toString();
	}

	/**
	 * The keyed lookup hash of a 16-digit account number.
	 */
	public String lookupHash(String accountNumber) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.lookupKey);
			return HexFormat.of().formatHex(mac.doFinal(accountNumber.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is always available", ex);
		}
	}

	/**
	 * Whether a string is a 16-digit number whose Luhn check digit is right.
	 */
	public static boolean isValid(String accountNumber) {
		return accountNumber.matches("[0-9]{16}")
				&& checkDigit(accountNumber.substring(0, LENGTH - 1)) == accountNumber.charAt(LENGTH - 1) - '0';
	}

	private static int checkDigit(CharSequence payload) {
		int sum = 0;
		for (int i = 0; i < payload.length(); i++) {
			int digit = payload.charAt(payload.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return (10 - sum % 10) % 10;
	}

}
