/**
 * The security audit trail of practice users' accounts, and the sign-in outcomes
 * published for the ops security report.
 */
@NullMarked
package io.carefin.auth.audit;

import org.jspecify.annotations.NullMarked;
