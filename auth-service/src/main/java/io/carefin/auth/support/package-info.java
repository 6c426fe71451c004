/**
 * What support staff do to practice users' accounts: look at their state, unlock, suspend
 * and reactivate. Only a staff token with the {@code SUPPORT} role gets in.
 */
@NullMarked
package io.carefin.auth.support;

import org.jspecify.annotations.NullMarked;
