/**
 * Maintenance mode: ops turn it on with a message for practices and an end time at most a
 * week ahead, or off; each change is kept in one row with who made it, and announced on
 * {@code auth.maintenance} in the same transaction, which the gateway and the portal
 * follow in every replica (ADR 0023).
 */
@NullMarked
package io.carefin.auth.maintenance;

import org.jspecify.annotations.NullMarked;
