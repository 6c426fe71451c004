/**
 * A signed-in practice user's own profile.
 */
@NullMarked
package io.carefin.auth.me;

import org.jspecify.annotations.NullMarked;
