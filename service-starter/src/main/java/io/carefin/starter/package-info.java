/**
 * What every CareFin service shares by rule rather than by convenience: whom it trusts
 * with a token, how it answers errors, and how events leave and enter it. A service
 * depends on this starter and gets the platform's stack with these rules already applied.
 */
@NullMarked
package io.carefin.starter;

import org.jspecify.annotations.NullMarked;
