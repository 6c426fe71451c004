/**
 * Events published by transaction-service about credit applications and purchases.
 */
@NullMarked
package io.carefin.contracts.transaction;

import org.jspecify.annotations.NullMarked;
