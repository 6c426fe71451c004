package io.carefin.notification.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of the delivery log as ops read it: the recipient masked, never the message.
 *
 * @param id the delivery
 * @param sourceEventId the event that asked for it
 * @param template the message's template
 * @param channel {@code EMAIL} or {@code SMS}
 * @param recipient the masked recipient
 * @param status where it stands
 * @param attempts how many times it was handed to the provider
 * @param eventOccurredAt when the event happened
 * @param createdAt when the first attempt began
 * @param lastAttemptAt when the last attempt began
 * @param sentAt when the provider accepted it
 * @param providerId the provider's id of the message (SMS sid, e-mail Message-ID)
 * @param lastError why the last attempt failed
 */
public record DeliveryEntry(UUID id, UUID sourceEventId, String template, String channel, String recipient,
		String status, int attempts, @Nullable OffsetDateTime eventOccurredAt, OffsetDateTime createdAt,
		@Nullable OffsetDateTime lastAttemptAt, @Nullable OffsetDateTime sentAt, @Nullable String providerId,
		@Nullable String lastError) {

}
