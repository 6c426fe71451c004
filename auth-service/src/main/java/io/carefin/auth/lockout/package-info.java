/**
 * Lockout: failed sign-in attempts and wrong second-factor codes are counted in the
 * database before anything is checked, and too many lock the user.
 */
@NullMarked
package io.carefin.auth.lockout;

import org.jspecify.annotations.NullMarked;
