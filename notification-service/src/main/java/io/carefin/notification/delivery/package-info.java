/**
 * Deliveries: the messages events ask for, their status and attempts.
 */
@NullMarked
package io.carefin.notification.delivery;

import org.jspecify.annotations.NullMarked;
