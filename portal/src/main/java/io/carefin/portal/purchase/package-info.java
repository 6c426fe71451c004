/**
 * Purchases: finding the patient's account, quotes on the practice's plans from the API's
 * calculator, the plan's disclosure acknowledged, the charge made once however often the
 * form is sent, the receipt, refunds and voids.
 */
@NullMarked
package io.carefin.portal.purchase;

import org.jspecify.annotations.NullMarked;
