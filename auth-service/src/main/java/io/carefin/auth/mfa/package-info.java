/**
 * Second factors: six-digit codes sent by e-mail or SMS for one sign-in challenge, and
 * authenticator apps (TOTP, RFC 6238); enrolling, listing and removing a user's own.
 */
@NullMarked
package io.carefin.auth.mfa;

import org.jspecify.annotations.NullMarked;
