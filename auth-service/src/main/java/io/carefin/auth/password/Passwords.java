package io.carefin.auth.password;

import java.text.Normalizer;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2id. Every check of a real user's password is
 * counted on the meter {@code carefin.auth.password.checks}; a check against a dummy
 * hash, which keeps an answer for an unknown or locked user as slow as any other, is
 * counted apart.
 */
@Component
@EnableConfigurationProperties(PasswordProperties.class)
public class Passwords {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private final Argon2PasswordEncoder encoder;

	private final String dummyHash;

	private final Counter checks;

	private final Counter dummyChecks;

	Passwords(PasswordProperties properties, MeterRegistry meters) {
		this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, properties.parallelism(),
				properties.memoryKib(), properties.iterations());
		this.dummyHash = this.encoder.encode(UUID.randomUUID().toString());
		this.checks = Counter.builder("carefin.auth.password.checks")
			.description("Checks of a real user's password against its hash")
			.register(meters);
		this.dummyChecks = Counter.builder("carefin.auth.password.dummy-checks")
			.description("Checks against a dummy hash, to answer unknown or locked users as slowly as others")
			.register(meters);
	}

	/**
	 * The canonical form of a password: Unicode NFKC, so that the same characters typed
	 * on different keyboards give the same password.
	 */
	public static String normalize(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	public String hash(String password) {
		return this.encoder.encode(normalize(password));
	}

	/**
	 * Whether the password matches the stored hash.
	 */
	public boolean matches(String password, String hash) {
		this.checks.increment();
		return this.encoder.matches(normalize(password), hash);
	}

	/**
	 * Spends the time of one password check without checking anything.
	 */
	public void checkNothing(String password) {
		this.dummyChecks.increment();
		this.encoder.matches(normalize(password), this.dummyHash);
	}

	/**
	 * Whether a stored hash was made with other parameters than today's and should be
	 * redone.
	 */
	public boolean outdated(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

}
