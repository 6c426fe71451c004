package io.carefin.transaction.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts SSNs and account numbers at rest, under
 * {@code carefin.encryption}.
 *
 * @param key Base64 of 32 random bytes (AES-256); required, with no default
 */
@ConfigurationProperties("carefin.encryption")
public record EncryptionProperties(String key) {

}
