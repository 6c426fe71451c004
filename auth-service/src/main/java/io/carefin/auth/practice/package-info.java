/**
 * Practices' enrolment by ops: a practice is enrolled with its first administrator, who
 * activates from an e-mailed link, its details change, and it is closed, which signs its
 * users out and refuses them at sign-in. Each change is announced on
 * {@code auth.practices} and audited with the staff member as actor. Only a staff token
 * with {@code OPS_ADMIN} changes practices; {@code SUPPORT} may read them.
 */
@NullMarked
package io.carefin.auth.practice;

import org.jspecify.annotations.NullMarked;
