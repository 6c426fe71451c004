/**
 * Dead letters: the records this service parked on the {@code .DLT} twins of the topics
 * it consumes, listed for ops and sent back to their topic one at a time or all at once.
 */
@NullMarked
package io.carefin.notification.deadletter;

import org.jspecify.annotations.NullMarked;
