/**
 * Daily funding: what each practice sold per business day, built from purchase events.
 */
@NullMarked
package io.carefin.reporting.funding;

import org.jspecify.annotations.NullMarked;
