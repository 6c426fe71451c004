/**
 * A signed-in practice user's own profile, and changing their own password.
 */
@NullMarked
package io.carefin.auth.me;

import org.jspecify.annotations.NullMarked;
