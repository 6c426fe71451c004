/**
 * Passwords: the policy a new password must meet and Argon2id hashing, with a meter of
 * how many real hash checks run.
 */
@NullMarked
package io.carefin.auth.password;

import org.jspecify.annotations.NullMarked;
