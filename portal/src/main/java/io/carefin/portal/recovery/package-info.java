/**
 * Getting back in: a forgotten User ID or password, the reset link's new password, and an
 * invited user's first password. The requests answer the same whatever they name, and a
 * link's token moves from the address bar into the session at once, so it stays out of
 * the browser's history and of any referrer.
 */
@NullMarked
package io.carefin.portal.recovery;

import org.jspecify.annotations.NullMarked;
