/**
 * The signed-in user's profile: who they are to CareFin, their password, and the second
 * factors they sign in with (an authenticator app shown as a QR code the portal draws,
 * text messages to a phone, or e-mail).
 */
@NullMarked
package io.carefin.portal.profile;

import org.jspecify.annotations.NullMarked;
