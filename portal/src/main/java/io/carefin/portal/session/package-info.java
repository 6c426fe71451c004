/**
 * The browser's server-side session: it holds the signed-in user's API tokens (which
 * never reach the browser), renews them before they expire and while the user is active,
 * and ends the session after the idle timeout (the session store's) or the absolute
 * timeout (counted from sign-in), so a session never outlives the rules auth-service
 * applies.
 */
@NullMarked
package io.carefin.portal.session;

import org.jspecify.annotations.NullMarked;
