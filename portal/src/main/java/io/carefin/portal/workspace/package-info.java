/**
 * What every page of the practice's workspace shares: money and dates in words, the
 * practice's calendar, permission checks that answer a 403 page naming what is missing,
 * and the API's refusals as sentences.
 */
@NullMarked
package io.carefin.portal.workspace;

import org.jspecify.annotations.NullMarked;
