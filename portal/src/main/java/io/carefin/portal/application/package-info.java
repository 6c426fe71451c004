/**
 * Credit applications: the form a practice or its patient fills in, keyed by the patient
 * or by staff, the decision page, and the practice's applications with their status.
 */
@NullMarked
package io.carefin.portal.application;

import org.jspecify.annotations.NullMarked;
