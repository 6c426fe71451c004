/**
 * Pages as PDF: a page's own Thymeleaf template rendered as for the browser, the part
 * that prints (the receipt, the flyer) drawn by openhtmltopdf with a print stylesheet, so
 * that the printed page and its PDF never drift apart.
 */
@NullMarked
package io.carefin.portal.pdf;

import org.jspecify.annotations.NullMarked;
