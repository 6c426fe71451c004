/**
 * {@code Idempotency-Key} for money-moving requests: the same key and body replay the
 * first answer, the same key with another body is refused, a key still in flight is a
 * conflict, and a key is remembered per practice for a day.
 */
@NullMarked
package io.carefin.starter.idempotency;

import org.jspecify.annotations.NullMarked;
