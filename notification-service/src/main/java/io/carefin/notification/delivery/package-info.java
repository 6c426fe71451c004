/**
 * Deliveries: the messages events ask for, sent exactly once per event and message, with
 * caps per recipient, retries, a failed state after bounded attempts, metrics and the
 * delivery log for ops.
 */
@NullMarked
package io.carefin.notification.delivery;

import org.jspecify.annotations.NullMarked;
