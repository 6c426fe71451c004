/**
 * Wiring only: the service's problem-details advice.
 */
@NullMarked
package io.carefin.reporting.config;

import org.jspecify.annotations.NullMarked;
