/**
 * Tokens and sessions: RS256 access tokens signed with rotating keys that every replica
 * shares through the database, the JWKS and discovery documents, and opaque refresh
 * tokens that rotate on every use, where reuse of a rotated one ends the whole session.
 */
@NullMarked
package io.carefin.auth.token;

import org.jspecify.annotations.NullMarked;
