/**
 * The security audit trail of practice users' accounts and of staff actions on practices,
 * the sign-in outcomes published for the ops security report, and the auditors' read-only
 * view of the trail: pages of a date range and a CSV export streamed from the database.
 */
@NullMarked
package io.carefin.auth.audit;

import org.jspecify.annotations.NullMarked;
