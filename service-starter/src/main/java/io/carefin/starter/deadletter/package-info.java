/**
 * Dead letters for ops: the records a service parked on the dead-letter twins of the
 * topics its Kafka listeners read, listed without their content and sent back to their
 * topic one at a time or all at once, each replay recorded with who did it. A service
 * turns it on by naming the path of its endpoints
 * ({@code carefin.dead-letters.path=/api/accounts/dead-letters}) and having the
 * {@code dead_letter_replay} table in its schema.
 */
@NullMarked
package io.carefin.starter.deadletter;

import org.jspecify.annotations.NullMarked;
