/**
 * The arithmetic of promotional plans, exact to the cent: what a quote says is what a
 * purchase charges and what the account's schedule bills.
 */
@NullMarked
package io.carefin.financing;

import org.jspecify.annotations.NullMarked;
