/**
 * Rate limits: a budget per signed-in user on every authenticated route, tight budgets
 * per client address on sign-in, second factor, token refresh and recovery, and a looser
 * one per client address on the portal's pages, answered with 429, {@code Retry-After}
 * and a problem when spent; and who the client is, believing {@code X-Forwarded-For} or
 * {@code Forwarded} only from trusted proxies and telling the services.
 */
@NullMarked
package io.carefin.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
