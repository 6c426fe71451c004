package io.carefin.auth.token;

/**
 * What a signed-in practice user gets: a short-lived access token and the refresh token
 * that renews it.
 *
 * @param accessToken the RS256 access token
 * @param refreshToken the opaque refresh token
 * @param expiresIn seconds until the access token expires
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {

}
