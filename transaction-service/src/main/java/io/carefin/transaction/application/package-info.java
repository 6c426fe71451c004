/**
 * Credit applications: the decision engine's documented, configurable rules, the
 * {@code CreditBureau} port with its deterministic local scorecard, one credit line per
 * person (opened on their first approval, answered on every later one), decisions taken
 * over from the person's recent application at another practice, and support's list and
 * decision of applications pending review.
 */
@NullMarked
package io.carefin.transaction.application;

import org.jspecify.annotations.NullMarked;
