/**
 * Wiring only: the service's problem-details advice.
 */
@NullMarked
package io.carefin.account.config;

import org.jspecify.annotations.NullMarked;
