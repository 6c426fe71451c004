/**
 * Credit applications: the form a practice or its patient fills in, keyed by the patient
 * or by staff, the decision page, and the applications waiting for review.
 */
@NullMarked
package io.carefin.portal.application;

import org.jspecify.annotations.NullMarked;
