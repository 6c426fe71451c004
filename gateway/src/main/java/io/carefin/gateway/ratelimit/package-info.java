/**
 * Rate limits: a budget per signed-in user on every authenticated route, and tight
 * budgets per client address on sign-in, second factor, token refresh and recovery,
 * answered with 429, {@code Retry-After} and a problem when spent.
 */
@NullMarked
package io.carefin.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
