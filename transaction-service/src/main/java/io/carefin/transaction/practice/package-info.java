/**
 * The practices auth-service enrols, changes and closes, kept here from its events: a
 * closed practice takes no new purchases or credit applications, while its history,
 * refunds and voids stay. A practice this service has not heard of is open.
 */
@NullMarked
package io.carefin.transaction.practice;

import org.jspecify.annotations.NullMarked;
