/**
 * Token trust: each service accepts RS256 access tokens from exactly the configured
 * issuers (auth-service for practice users, the Keycloak staff realm for support and
 * ops), checks the audience and expiry itself, and maps each issuer's roles to
 * authorities.
 */
@NullMarked
package io.carefin.starter.security;

import org.jspecify.annotations.NullMarked;
