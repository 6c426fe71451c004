package io.carefin.portal.api;

/**
 * Where the signed-in user's current access token comes from: the server-side session,
 * renewed when it is about to expire.
 */
@FunctionalInterface
public interface AccessTokens {

	/**
	 * The current browser session's access token, renewed first if it is about to expire.
	 */
	String current();

}
