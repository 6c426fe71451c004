package io.carefin.contracts.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A message could not be delivered after every retry; the event that asked for it is
 * parked.
 *
 * @param eventId identifies this occurrence
 * @param occurredAt when the last attempt failed
 * @param deliveryId the delivery
 * @param sourceEventId the event that asked for the message
 * @param channel {@code EMAIL} or {@code SMS}
 * @param template the message template, such as {@code account-locked}
 * @param attempts how many times sending was tried
 */
public record DeliveryFailed(UUID eventId, Instant occurredAt, UUID deliveryId, UUID sourceEventId, String channel,
		String template, int attempts) implements DeliveryEvent {

	@Override
	public String aggregateId() {
		return this.deliveryId.toString();
	}

}
