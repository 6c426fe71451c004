package io.carefin.auth.token;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-256-GCM under the configured key-encryption key; each
 * ciphertext carries its own random nonce.
 */
@Component
public final class KeyEncryption {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	KeyEncryption(TokenProperties properties) {
		byte[] bytes = Base64.getDecoder().decode(properties.keyEncryptionKey());
		if (bytes.length != 32) {
			throw new IllegalArgumentException("carefin.auth.tokens.key-encryption-key must be 32 bytes in Base64");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	public byte[] encrypt(byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a secret", ex);
		}
	}

	public byte[] decrypt(byte[] encrypted) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, encrypted, 0, NONCE_BYTES));
			return cipher.doFinal(encrypted, NONCE_BYTES, encrypted.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt a secret: is the key-encryption key right?", ex);
		}
	}

}
