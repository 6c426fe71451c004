/**
 * Wiring only: the service's problem-details advice and how failed records are retried
 * and parked.
 */
@NullMarked
package io.carefin.notification.config;

import org.jspecify.annotations.NullMarked;
