/**
 * The promotions catalogue (versioned plan terms with effective dates), the plans each
 * practice enables, and quotes computed with the shared financing calculator.
 */
@NullMarked
package io.carefin.transaction.promotion;

import org.jspecify.annotations.NullMarked;
