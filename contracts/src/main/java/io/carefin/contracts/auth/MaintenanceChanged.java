package io.carefin.contracts.auth;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Ops turned maintenance mode on, with a message for practices and the time it ends, or
 * turned it off; while it is on and its end has not passed, the gateway answers the API
 * with 503 except for health and staff, and the portal shows the message on every page.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when ops changed the mode: of two changes, the later one holds
 * @param on whether maintenance mode is on
 * @param message what practices are told while it is on, or {@code null} when it is off
 * @param until when it ends by itself while it is on, or {@code null} when it is off
 */
public record MaintenanceChanged(UUID eventId, Instant occurredAt, boolean on, @Nullable String message,
		@Nullable Instant until) implements MaintenanceEvent {

}
