/**
 * Credit applications: the decision engine's documented, configurable rules, the
 * {@code CreditBureau} port with its deterministic local scorecard, the credit line an
 * approval opens, and support's decision on applications pending review.
 */
@NullMarked
package io.carefin.transaction.application;

import org.jspecify.annotations.NullMarked;
