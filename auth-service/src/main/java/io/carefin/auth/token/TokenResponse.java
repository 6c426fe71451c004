package io.carefin.auth.token;

/**
 * The answer that hands a practice user their tokens.
 *
 * @param status always {@code AUTHENTICATED}
 * @param accessToken the RS256 access token
 * @param refreshToken the opaque refresh token
 * @param expiresIn seconds until the access token expires
 * @param tokenType always {@code Bearer}
 */
public record TokenResponse(String status, String accessToken, String refreshToken, long expiresIn, String tokenType) {

	public static TokenResponse of(TokenPair tokens) {
		return new TokenResponse("AUTHENTICATED", tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
				"Bearer");
	}

}
