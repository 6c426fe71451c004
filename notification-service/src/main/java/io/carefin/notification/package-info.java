/**
 * notification-service turns events into the e-mails and text messages the platform
 * sends, exactly once per event, and keeps the delivery log.
 */
@NullMarked
package io.carefin.notification;

import org.jspecify.annotations.NullMarked;
