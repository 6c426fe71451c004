/**
 * Purchases, refunds, voids and settlements, applied once each to the sales and funding
 * read models.
 */
@NullMarked
package io.carefin.reporting.purchases;

import org.jspecify.annotations.NullMarked;
