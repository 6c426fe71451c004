/**
 * The staff console ({@code /staff/**}): support agents, ops and auditors sign in through
 * Keycloak (the realm {@code carefin-staff}, authorization code with PKCE, tokens kept in
 * the server-side session), and each role sees only its pages. Every change the console
 * asks of the API, and every patient account it shows, is written to the portal's own
 * audit of console actions.
 */
@NullMarked
package io.carefin.portal.staff;

import org.jspecify.annotations.NullMarked;
