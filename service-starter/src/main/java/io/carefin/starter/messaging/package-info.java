/**
 * How events leave and enter a service. Outgoing: a service publishes a
 * {@link io.carefin.contracts.DomainEvent} as a Spring application event inside its
 * database transaction; Spring Modulith's publication registry stores it in the same
 * transaction and sends it to the event's topic, keyed by its aggregate, after the
 * commit; {@link io.carefin.starter.messaging.OutboxChores} sends again what did not go
 * out (a broker outage) and forgets what went out long ago. Incoming: listeners apply
 * each event through the {@link Inbox}, which records the event id in the same
 * transaction as the effect; records that keep failing are parked on the topic's
 * dead-letter topic after bounded retries, and counted on
 * {@code carefin.messaging.dead-lettered} by the topic they came from. A record that
 * failed because something the listener needs was unreachable (its database down, see
 * {@link io.carefin.starter.messaging.Unavailable}) is not the record's fault: it is held
 * and retried with capped back-off until that is back, never parked, and each such
 * attempt counts on {@code carefin.messaging.retries{cause=unavailable}}.
 */
@NullMarked
package io.carefin.starter.messaging;

import org.jspecify.annotations.NullMarked;
