/**
 * The practice administrator's promotions page: the catalogue's plans, the fee each
 * costs, and enabling or disabling them for the practice.
 */
@NullMarked
package io.carefin.portal.promotion;

import org.jspecify.annotations.NullMarked;
