package io.carefin.transaction.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts patients' secrets (SSNs, account numbers) at rest with AES-256-GCM under the
 * configured key; each ciphertext carries its own random nonce. Also makes keyed
 * fingerprints (HMAC-SHA256 under a key derived from the same key) to find a secret
 * without decrypting every row.
 */
@Component
public final class FieldEncryption {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecretKey fingerprintKey;

	private final SecureRandom random = new SecureRandom();

	FieldEncryption(EncryptionProperties properties) {
		this.key = new SecretKeySpec(decodeKey(properties.key()), "AES");
		this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(this.key.getEncoded(), "HmacSHA256"),
				"carefin-transaction-fingerprints".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
	}

	private static byte[] decodeKey(String key) {
		if (key == null || key.isBlank()) {
			throw new IllegalStateException("carefin.encryption.key is required: Base64 of 32 random bytes "
					+ "(env CAREFIN_TRANSACTION_ENCRYPTION_KEY), e.g. `openssl rand -base64 32`");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("carefin.encryption.key must be Base64 of 32 bytes", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("carefin.encryption.key must be Base64 of 32 bytes");
		}
		return bytes;
	}

	/**
	 * Encrypts a secret.
	 */
	public byte[] encrypt(String plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a secret", ex);
		}
	}

	/**
	 * Decrypts what {@link #encrypt(String)} made.
	 */
	public String decrypt(byte[] encrypted) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, encrypted, 0, NONCE_BYTES));
			return new String(cipher.doFinal(encrypted, NONCE_BYTES, encrypted.length - NONCE_BYTES),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt a secret: is carefin.encryption.key right?", ex);
		}
	}

	/**
	 * A keyed fingerprint of a secret (lowercase hex), equal for equal secrets.
	 */
	public String fingerprint(String plain) {
		return HexFormat.of().formatHex(hmac(this.fingerprintKey, plain.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * HMAC-SHA256 of data under a key.
	 */
	static byte[] hmac(SecretKey key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is always available", ex);
		}
	}

}
