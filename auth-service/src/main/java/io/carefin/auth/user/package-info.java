/**
 * Practices and their users: who may sign in, with which role and per-function
 * permissions, and in what state their account is.
 */
@NullMarked
package io.carefin.auth.user;

import org.jspecify.annotations.NullMarked;
