/**
 * What practices, support staff and auditors read: account lookup, the account summary
 * with its promotional balances, the activity, a fixed plan's schedule, and the support
 * audit trail.
 */
@NullMarked
package io.carefin.account.view;

import org.jspecify.annotations.NullMarked;
