/**
 * reporting-service builds read models only from other services' events, per practice and
 * per business day, and serves the practice and ops reports from them.
 */
@NullMarked
package io.carefin.reporting;

import org.jspecify.annotations.NullMarked;
