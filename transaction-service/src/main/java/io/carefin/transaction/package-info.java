/**
 * transaction-service owns what a practice does all day: credit applications and
 * decisions, credit lines and their open-to-buy, the promotions catalogue, purchases,
 * refunds and voids.
 */
@NullMarked
package io.carefin.transaction;

import org.jspecify.annotations.NullMarked;
