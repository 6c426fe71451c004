/**
 * Wiring only: the service's problem-details advice.
 */
@NullMarked
package io.carefin.auth.config;

import org.jspecify.annotations.NullMarked;
