package io.carefin.portal.session;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import io.carefin.portal.api.Tokens;

/**
 * A signed-in browser's API tokens, as the server-side session keeps them.
 *
 * @param accessToken the bearer token for the API
 * @param refreshToken the single-use token that renews the pair
 * @param expiresAt when the access token expires
 * @param refreshedAt when the pair was issued
 */
record ApiTokens(String accessToken, String refreshToken, Instant expiresAt,
		Instant refreshedAt) implements Serializable {

	static ApiTokens issued(Tokens tokens, Instant now) {
		return new ApiTokens(tokens.accessToken(), tokens.refreshToken(), now.plusSeconds(tokens.expiresIn()), now);
	}

	boolean expiresWithin(Duration margin, Instant now) {
		return !now.plus(margin).isBefore(this.expiresAt);
	}

	boolean refreshedBefore(Duration age, Instant now) {
		return !this.refreshedAt.plus(age).isAfter(now);
	}

	@Override
	public String toString() {
		return "ApiTokens[expiresAt=" + this.expiresAt + ", refreshedAt=" + this.refreshedAt + "]";
	}

}
