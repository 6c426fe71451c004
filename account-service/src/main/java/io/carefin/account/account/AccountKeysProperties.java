package io.carefin.account.account;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret keys that protect patients' data, under {@code carefin}.
 *
 * @param accountNumbers the key shared with transaction-service that hashes account
 * numbers for lookup
 * @param accounts the key that encrypts patients' profiles at rest
 */
@ConfigurationProperties("carefin")
public record AccountKeysProperties(@Nullable AccountNumbers accountNumbers, @Nullable Accounts accounts) {

	/**
	 * Account-number lookup.
	 *
	 * @param lookupKey Base64 of 32 bytes: HMAC-SHA256 key of account numbers
	 */
	public record AccountNumbers(@Nullable String lookupKey) {

	}

	/**
	 * Patients' profiles.
	 *
	 * @param profileKey Base64 of 32 bytes: AES-256-GCM key of profiles, and the root of
	 * the name and date-of-birth lookup key
	 */
	public record Accounts(@Nullable String profileKey) {

	}

}
