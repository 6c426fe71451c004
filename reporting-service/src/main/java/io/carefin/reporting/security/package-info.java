/**
 * The ops security report: sign-ins, failures, lockouts and suspensions per practice and
 * day, built once each from auth-service's events.
 */
@NullMarked
package io.carefin.reporting.security;

import org.jspecify.annotations.NullMarked;
