package io.carefin.account.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The keyed hashes that find an account without storing what they hash (the full account
 * number; last name and date of birth), and the encryption of patients' profiles at rest
 * (AES-256-GCM, a random nonce per ciphertext).
 */
@Component
@EnableConfigurationProperties(AccountKeysProperties.class)
public class PatientKeys {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey numberKey;

	private final SecretKey identityKey;

	private final SecretKey profileKey;

	private final SecureRandom random = new SecureRandom();

	PatientKeys(AccountKeysProperties properties) {
		this.numberKey = new SecretKeySpec(required(
				(properties.accountNumbers() != null) ? properties.accountNumbers().lookupKey() : null,
				"carefin.account-numbers.lookup-key (env CAREFIN_ACCOUNT_NUMBERS_LOOKUP_KEY), the key shared with transaction-service",
				false), "HmacSHA256");
		byte[] profile = required((properties.accounts() != null) ? properties.accounts().profileKey() : null,
				"carefin.accounts.profile-key (env CAREFIN_ACCOUNTS_PROFILE_KEY)", true);
		this.profileKey = new SecretKeySpec(profile, "AES");
		this.identityKey = new SecretKeySpec(hmac(new SecretKeySpec(profile, "HmacSHA256"), "patient identity lookup"),
				"HmacSHA256");
	}

	/**
	 * The lookup hash of a full account number: lowercase hex of HMAC-SHA256 over its 16
	 * ASCII digits, as transaction-service computes it.
	 */
	public String accountNumberHash(String digits) {
		return HexFormat.of().formatHex(hmac(this.numberKey, digits));
	}

	/**
	 * The lookup hash of a patient's last name (trimmed, case-insensitive) and date of
	 * birth.
	 */
	public String identityHash(String lastName, LocalDate dateOfBirth) {
		return HexFormat.of()
			.formatHex(hmac(this.identityKey, lastName.strip().toLowerCase(Locale.ROOT) + "|" + dateOfBirth));
	}

	byte[] encrypt(byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.profileKey, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a patient profile", ex);
		}
	}

	byte[] decrypt(byte[] encrypted) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.profileKey,
					new GCMParameterSpec(TAG_BITS, encrypted, 0, NONCE_BYTES));
			return cipher.doFinal(encrypted, NONCE_BYTES, encrypted.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Could not decrypt a patient profile: is carefin.accounts.profile-key right?", ex);
		}
	}

	private static byte[] hmac(SecretKey key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is always available", ex);
		}
	}

	/**
	 * Decodes a required key: an AES key is exactly 32 bytes; an HMAC key at least 32.
	 */
	private static byte[] required(@Nullable String base64, String name, boolean exactly) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(
					"Set " + name + ": Base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " is not Base64", ex);
		}
		if (bytes.length < 32 || (exactly && bytes.length != 32)) {
			throw new IllegalStateException(
					name + " must be " + (exactly ? "" : "at least ") + "32 bytes in Base64, not " + bytes.length);
		}
		return bytes;
	}

}
