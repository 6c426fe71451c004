/**
 * Business days: which calendar day an instant belongs to for a practice, in the
 * practice's time zone.
 */
@NullMarked
package io.carefin.reporting.businessday;

import org.jspecify.annotations.NullMarked;
