/**
 * Credit application decisions, applied once each to the applications funnel on the day
 * each application was submitted.
 */
@NullMarked
package io.carefin.reporting.applications;

import org.jspecify.annotations.NullMarked;
