package io.carefin.auth.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

import io.carefin.auth.token.TokenProperties;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.RecoveryEvent;

/**
 * Writes auth-service's outgoing events into the outbox ({@code event_publication}) as
 * JSON, except those that carry a one-time code, a reset link's or an activation link's
 * token, or a user-ID reminder ({@code auth.challenges} and {@code auth.recoveries}),
 * which it seals with AES-256-GCM under a key derived from the key-encryption key: they
 * wait in the table until sent and stay there for days after, readable to anyone with the
 * database or a backup but not the key. The nonce is derived from the JSON itself, so
 * that the same event always seals to the same text, which the outbox looks publications
 * up by; every event has its own id, so no two events share a nonce.
 */
@Component
class SealedEventSerializer implements EventSerializer {

	private static final String SEALED = "sealed:v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final ObjectProvider<JsonMapper> json;

	private final SecretKey encryption;

	private final SecretKey nonces;

	SealedEventSerializer(ObjectProvider<JsonMapper> json, TokenProperties tokens) {
		this.json = json;
		byte[] keyEncryptionKey = Base64.getDecoder().decode(tokens.keyEncryptionKey());
		this.encryption = new SecretKeySpec(derive(keyEncryptionKey, "event-publication-encryption"), "AES");
		this.nonces = new SecretKeySpec(derive(keyEncryptionKey, "event-publication-nonce"), "HmacSHA256");
	}

	@Override
	public Object serialize(Object event) {
		String text = mapper().writeValueAsString(event);
		return (event instanceof ChallengeEvent || event instanceof RecoveryEvent) ? seal(text) : text;
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		String text = serialized.toString();
		return mapper().readValue(text.startsWith(SEALED) ? open(text) : text, type);
	}

	private JsonMapper mapper() {
		return this.json.getIfAvailable(JsonMapper::new);
	}

	private String seal(String text) {
		byte[] plain = text.getBytes(StandardCharsets.UTF_8);
		try {
			byte[] nonce = Arrays.copyOf(mac(this.nonces, plain), NONCE_BYTES);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryption, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return SEALED + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not seal an event", ex);
		}
	}

	private String open(String text) {
		byte[] sealed = Base64.getDecoder().decode(text.substring(SEALED.length()));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryption, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not open a sealed event: is the key-encryption key right?", ex);
		}
	}

	private static byte[] derive(byte[] key, String purpose) {
		return mac(new SecretKeySpec(key, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] mac(SecretKey key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

}
