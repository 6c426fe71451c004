/**
 * What support staff do for practice users: find them, look at their state and their
 * recent security events, and unlock, suspend, reactivate or send a new activation link,
 * each with a reason kept in the audit trail. Only a staff token with the {@code SUPPORT}
 * role gets in.
 */
@NullMarked
package io.carefin.auth.support;

import org.jspecify.annotations.NullMarked;
