package io.carefin.auth.password;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are hashed and how long they may be. The Argon2id defaults follow OWASP's
 * recommendation (19 MiB, 2 iterations, 1 lane); tests use cheaper ones.
 *
 * @param memoryKib Argon2id memory in KiB
 * @param iterations Argon2id passes over memory
 * @param parallelism Argon2id lanes
 * @param minLength the fewest characters a password may have
 * @param maxLength the most characters a password may have
 */
@ConfigurationProperties("carefin.auth.password")
public record PasswordProperties(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
		@DefaultValue("1") int parallelism, @DefaultValue("12") int minLength, @DefaultValue("128") int maxLength) {

}
