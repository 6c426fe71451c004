/**
 * The practice reports: activity at a glance, daily funding (JSON and CSV), the
 * applications funnel and weekly or monthly trends, read from the read models for a date
 * range and the caller's practice.
 */
@NullMarked
package io.carefin.reporting.reports;

import org.jspecify.annotations.NullMarked;
