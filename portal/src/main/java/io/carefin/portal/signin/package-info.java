/**
 * Signing in: the User ID and password, then the second factor when the API asks for one.
 * Every refusal reads the same, whatever the reason, so the pages never tell whether a
 * User ID exists, is locked or is suspended.
 */
@NullMarked
package io.carefin.portal.signin;

import org.jspecify.annotations.NullMarked;
