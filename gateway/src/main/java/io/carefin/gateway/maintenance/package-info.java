/**
 * Maintenance mode at the edge: while ops have it on, the API answers every caller but
 * staff with 503, {@code Retry-After} and a problem naming the end time, in every gateway
 * replica (ADR 0023); health, the issuers' keys and the portal's pages stay open, and the
 * portal shows the message.
 */
@NullMarked
package io.carefin.gateway.maintenance;

import org.jspecify.annotations.NullMarked;
