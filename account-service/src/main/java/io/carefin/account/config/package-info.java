/**
 * Wiring only: the service's problem-details advice and the business day's schedule.
 */
@NullMarked
package io.carefin.account.config;

import org.jspecify.annotations.NullMarked;
