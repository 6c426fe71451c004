/**
 * Resources for practice staff: training guides for the portal's own tasks, and the
 * practice's patient link with its QR code, on a printable flyer and as a PDF.
 */
@NullMarked
package io.carefin.portal.resources;

import org.jspecify.annotations.NullMarked;
