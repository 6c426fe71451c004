/**
 * The patients notification-service writes to, by financing account, learned from each
 * approved application: receipts and reminders only carry an account id.
 */
@NullMarked
package io.carefin.notification.patient;

import org.jspecify.annotations.NullMarked;
