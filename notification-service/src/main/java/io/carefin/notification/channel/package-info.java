/**
 * Channels: e-mail through SMTP and text messages through an {@link SmsSender}, each
 * behind a circuit breaker; failures say only whether a retry can help, never what was
 * sent.
 */
@NullMarked
package io.carefin.notification.channel;

import org.jspecify.annotations.NullMarked;
