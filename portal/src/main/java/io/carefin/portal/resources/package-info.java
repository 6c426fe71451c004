/**
 * Resources for practice staff: training guides for the portal's own tasks.
 */
@NullMarked
package io.carefin.portal.resources;

import org.jspecify.annotations.NullMarked;
