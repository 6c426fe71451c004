/**
 * Signing in with a user ID and a password, and the lockout that stops guessing: failures
 * are counted in the database before a password is checked, so parallel guesses cannot
 * outrun the limit, and every failure looks the same from outside.
 */
@NullMarked
package io.carefin.auth.signin;

import org.jspecify.annotations.NullMarked;
