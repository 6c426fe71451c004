/**
 * Wiring only: the service's problem-details advice.
 */
@NullMarked
package io.carefin.transaction.config;

import org.jspecify.annotations.NullMarked;
