/**
 * Events published by notification-service about the outcome of deliveries.
 */
@NullMarked
package io.carefin.contracts.notification;

import org.jspecify.annotations.NullMarked;
