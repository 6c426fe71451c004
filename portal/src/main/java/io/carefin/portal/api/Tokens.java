package io.carefin.portal.api;

/**
 * A signed-in user's API tokens, which stay in the portal's server-side session.
 *
 * @param accessToken the bearer token for the API
 * @param refreshToken the single-use token that renews the pair
 * @param expiresIn seconds until the access token expires
 */
public record Tokens(String accessToken, String refreshToken, long expiresIn) implements SignInAnswer {

	@Override
	public String toString() {
		return "Tokens[expiresIn=" + this.expiresIn + "]";
	}

}
