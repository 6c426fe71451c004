/**
 * Wiring only: the service's problem-details advice.
 */
@NullMarked
package io.carefin.notification.config;

import org.jspecify.annotations.NullMarked;
